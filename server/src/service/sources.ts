// The public sources the rules cite, named once so every rule's docs page lists the same title and
// link for the same source. Regulations and standards first, then practitioner guidance.
// None of them is legal advice; the thresholds drawn from them are settings.
import type { Source } from './types';

export const sources = {
  gdprArt28: {
    name: 'GDPR Art. 28: processor contracts, sub-processors, deletion or return, audits',
    short: 'GDPR Art. 28',
    url: 'https://gdpr.eu/article-28-processor/',
  },
  gdprArt33: {
    name: 'GDPR Art. 33: notification of a personal data breach (72 hours; processors without undue delay)',
    short: 'GDPR Art. 33',
    url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  gdprChapterV: {
    name: 'GDPR Chapter V, Art. 44-49: transfers of personal data to third countries (adequacy, SCCs, BCRs, derogations)',
    short: 'GDPR Chapter V',
    url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  adequacyDecisions: {
    name: 'European Commission, Adequacy decisions (the countries with an EU adequacy decision)',
    short: 'EU adequacy decisions',
    url: 'https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en',
  },
  sccs: {
    name: 'European Commission, Standard contractual clauses for international transfers (Decision (EU) 2021/914)',
    short: 'EU SCCs (2021/914)',
    url: 'https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/standard-contractual-clauses-scc_en',
  },
  hipaa164410: {
    name: 'HIPAA 45 CFR §164.410: breach notification by a business associate',
    short: 'HIPAA §164.410',
    url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D/section-164.410',
  },
  doraArt30: {
    name: 'DORA (EU) 2022/2554 Art. 30: key contractual provisions for ICT services',
    short: 'DORA Art. 30',
    url: 'https://streamlex.eu/articles/dora-en-art-30',
  },
  ebaOutsourcing: {
    name: 'EBA Guidelines on outsourcing arrangements (EBA/GL/2019/02): termination and exit',
    short: 'EBA outsourcing guidelines',
    url: 'https://www.eba.europa.eu/regulation-and-policy/internal-governance/guidelines-on-outsourcing-arrangements',
  },
  far16601: {
    name: 'FAR 16.601: time-and-materials contracts (fixed hourly rates, ceiling price)',
    short: 'FAR 16.601',
    url: 'https://www.acquisition.gov/far/16.601',
  },
  far37601: {
    name: 'FAR 37.601: performance-based contracts (measurable standards, assessment method)',
    short: 'FAR 37.601',
    url: 'https://www.acquisition.gov/far/37.601',
  },
  far37602: {
    name: 'FAR 37.602: performance work statements and statements of objectives',
    short: 'FAR 37.602',
    url: 'https://www.acquisition.gov/far/37.602',
  },
  far37603: { name: 'FAR 37.603: performance standards', short: 'FAR 37.603', url: 'https://www.acquisition.gov/far/37.603' },
  govukDos: {
    name: 'GOV.UK, How to manage your Digital Outcomes and Specialists contract',
    short: 'GOV.UK Digital Outcomes',
    url: 'https://www.gov.uk/guidance/how-to-manage-your-digital-outcomes-and-specialists-contract',
  },
  pmbokScope: {
    name: 'PMI, PMBOK Guide 6th ed., §5.3.3.1 Project scope statement and Table 5-1',
    short: 'PMBOK Guide §5.3',
    url: 'https://www.pmi.org/pmbok-guide-standards/foundational/pmbok',
  },
  pmbokChangeControl: {
    name: 'PMI, PMBOK Guide 6th ed., §4.6 Perform Integrated Change Control (change requests, change log, change control board)',
    short: 'PMBOK Guide §4.6',
    url: 'https://www.pmi.org/pmbok-guide-standards/foundational/pmbok',
  },
  far432: {
    name: 'FAR 43.2: change orders (signed by the contracting officer; equitable adjustment of price and schedule)',
    short: 'FAR 43.2',
    url: 'https://www.acquisition.gov/far/subpart-43.2',
  },
  iso29148: {
    name: 'ISO/IEC/IEEE 29148:2018, Requirements engineering: requirement attributes (each requirement has a unique identifier, so it can be traced)',
    short: 'ISO/IEC/IEEE 29148',
    url: 'https://www.iso.org/standard/72089.html',
  },
  pmbokWbsIds: {
    name: 'PMI, PMBOK Guide 6th ed., §5.4.3.1 Scope baseline (each work package has a unique identifier from a code of accounts)',
    short: 'PMBOK Guide §5.4.3.1',
    url: 'https://www.pmi.org/pmbok-guide-standards/foundational/pmbok',
  },
  pmiPulse2018: {
    name: 'PMI, Pulse of the Profession 2018: scope creep on 52% of projects',
    short: 'PMI Pulse 2018',
    url: 'https://www.pmi.org/learning/library/scope-creep-rising-11308',
  },
  contingencyReserve: {
    name: 'PM Milestone, Contingency reserve',
    short: 'PM Milestone (contingency reserve)',
    url: 'https://pmmilestone.com/encyclopedia/contingency-reserve',
  },
  iso27036: {
    name: 'ISO/IEC 27036-2: information security for supplier relationships, requirements',
    short: 'ISO/IEC 27036-2',
    url: 'https://www.iso.org/standard/82060.html',
  },
  iso4217: { name: 'ISO 4217: currency codes', short: 'ISO 4217', url: 'https://www.iso.org/iso-4217-currency-codes.html' },
  cobitApo10: {
    name: 'ISACA COBIT 2019, APO10 Managed Vendors',
    short: 'COBIT 2019 APO10',
    url: 'https://www.itsm-docs.com/blogs/cobit-framework/cobit-apo10-04-manage-vendor-risk',
  },
  qasp18f: {
    name: '18F, Quality Assurance Surveillance Plan (performance standard, acceptable quality level, method of surveillance)',
    short: '18F QASP',
    url: 'https://github.com/18F/bpa-DOL-WHD-14-c',
  },
  sigCaiq: {
    name: 'Shared Assessments SIG and Cloud Security Alliance CAIQ questionnaires',
    short: 'SIG and CAIQ',
    url: 'https://hypercomply.com/blog/caiq-vs-sig',
  },
  dueDiligence: {
    name: 'CompTIA Security+ study guide: due diligence, questionnaires and monitoring',
    short: 'CompTIA Security+ (due diligence)',
    url: 'https://open-exam-prep.com/study-guides/comptia-security-plus/third-party-risk-compliance-and-privacy/due-diligence-questionnaires-and-monitoring',
  },
  soc2Validity: {
    name: 'I.S. Partners, SOC 2 report validity and bridge letters',
    short: 'I.S. Partners (SOC 2 validity)',
    url: 'https://www.ispartnersllc.com/blog/soc-2-report-validity/',
  },
  ndaProcurement: {
    name: 'VendorCentric, 6 best practices for NDAs in procurement',
    short: 'VendorCentric (NDAs in procurement)',
    url: 'https://vendorcentric.com/single-post/6-best-practices-for-using-nondisclosure-agreements-during-the-procurement-process/',
  },
  referenceChecks: {
    name: 'B. Craigo, Checking vendor referrals',
    short: 'Craigo (vendor referrals)',
    url: 'http://bencraigo.wordpress.com/2006/12/19/checking-vendor-referrals/',
  },
  aicSow: {
    name: 'AIC operating manual, Statements of work (acceptance and payment standards)',
    short: 'AIC SOW manual',
    url: 'https://framework.aic.io/company-operating-manual/commercial-and-contracting-model/statements-of-work',
  },
  sowGuide: {
    name: 'eSignHub, Statement of work template guide',
    short: 'eSignHub SOW guide',
    url: 'https://esignhub.io/blog/statement-of-work-template-guide',
  },
  uspsChangeControl: {
    name: 'USPS, Supplying Principles and Practices: change control',
    short: 'USPS Supplying Principles',
    url: 'https://about.usps.com/manuals/spp092016/html/spp3_026.htm',
  },
  changeControlPlaybook: {
    name: 'DocJuris, Change control process playbook',
    short: 'DocJuris (change control)',
    url: 'https://www.docjuris.com/playbook-template/change-control-process',
  },
  milestonePayments: {
    name: 'Freesi, Milestone-based payment structure',
    short: 'Freesi (milestone payments)',
    url: 'https://freesi.net/en/guide/payment-milestone-structure',
  },
  paymentHoldbacks: {
    name: 'Law Insider, Payment holdback clauses',
    short: 'Law Insider (payment holdbacks)',
    url: 'https://www.lawinsider.com/clause/payment-holdbacks',
  },
  acceptanceTesting: {
    name: 'ContractKen, Acceptance testing clause',
    short: 'ContractKen (acceptance testing)',
    url: 'https://www.contractken.com/glossary/acceptance-testing-clause',
  },
  acceptanceClause: {
    name: 'ContractStandards, Acceptance',
    short: 'ContractStandards (acceptance)',
    url: 'https://www.contractstandards.com/public/clauses/acceptance',
  },
  keyPersonnel: {
    name: "The Government Subcontractor's Guide to Terms and Conditions, ch. 17: key personnel",
    short: "Subcontractor's Guide (ch. 17)",
    url: 'https://www.oreilly.com/library/view/the-government-subcontractors/9781523096169/xhtml/ch17.html',
  },
  ipOwnership: {
    name: 'Bestarion, Software outsourcing IP ownership checklist',
    short: 'Bestarion (IP ownership)',
    url: 'https://bestarion.com/?p=64019',
  },
  ipAssignment: {
    name: 'EB Pearls, IP assignment in software development',
    short: 'EB Pearls (IP assignment)',
    url: 'https://ebpearls.com.au/blog/btl-ip-assignment',
  },
  exitClause: {
    name: 'Contracko, Exit / transition clause',
    short: 'Contracko (exit clause)',
    url: 'https://contracko.com/clause-library/exit-clause',
  },
  exitRisks: {
    name: 'Pillsbury (JD Supra), Managing risks in outsourcing during exit',
    short: 'Pillsbury (outsourcing exit)',
    url: 'https://www.jdsupra.com/legalnews/managing-risks-in-outsourcing-during-exi-88237/',
  },
  vendorGovernance: {
    name: 'Outsourcing Explained, Vendor governance and KPIs',
    short: 'Outsourcing Explained (governance)',
    url: 'https://www.outsourcingexplained.com/vendor-governance-and-kpis.html',
  },
  itGovernance: {
    name: 'Aventario, IT outsourcing governance',
    short: 'Aventario (IT governance)',
    url: 'https://aventario.com/blog/it-outsourcing-governance',
  },
  governancePlaybook: {
    name: 'Everest Group, Outsourcing Governance 101',
    short: 'Everest Group (governance)',
    url: 'https://www.everestgrp.com/2015-12-outsourcing-governance-101-playbook-sherpas-in-blue-shirts-19370.html/',
  },
  ambiguousTerms: {
    name: 'K. Wiegers, Software Requirements: ambiguous terms to avoid',
    short: 'Wiegers (Software Requirements)',
    url: 'https://effective-analysis.com/textbook/part-2/chapter-2/13-terms.html',
  },
  smartObjectives: {
    name: "G. T. Doran (1981), There's a S.M.A.R.T. way to write management's goals and objectives, Management Review 70(11)",
    short: 'Doran 1981 (SMART)',
    url: 'https://en.wikipedia.org/wiki/SMART_criteria',
  },
} as const satisfies Readonly<Record<string, Source>>;
