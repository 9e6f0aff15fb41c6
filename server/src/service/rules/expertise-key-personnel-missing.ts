// expertise-key-personnel-missing: Key personnel not named.
// The people who win a deal are not always the people who deliver it.
import { isAbsent, isMappingOrAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
import type { Finding, Rule } from '../types';
import { sources } from '../sources';
import { individualMarker } from '../engagement';

const keyPersonnelSkeleton = ['- role: Delivery lead', '  name: ""', '  allocation_percent: 100'].join('\n');

export const rule: Rule = {
  id: 'expertise-key-personnel-missing',
  category: 'expertise',
  severity: 'info',
  fixes: ['display-only'],
  title: 'Key personnel not named',
  explanation: `The scope does not name who will do the work. A lack of expertise starts with not knowing who will work on it, and whether they have the skills you are paying for. The senior people who win a deal are not always the ones who deliver it. A key-personnel clause names the critical roles and their time allocation, and requires your approval before anyone is substituted, with the replacement having "equal or better" qualifications (*The Government Subcontractor's Guide to Terms and Conditions*, ch. 17).

A vendor that is one named person (a sole trader, such as \`Jamie Cole (sole trader)\`) is its own key person and is not reported; a marker with no name (\`Freelancer from Upwork\`) names nobody and is.`,
  areas: ['expertise'],
  remedy:
    'Name the critical roles and people, with their time allocation, and require your approval before anyone is substituted. The quick fix inserts a delivery-lead entry to fill in.',
  sources: [sources.keyPersonnel],
  check(doc) {
    // `vendor: Acme` is the schema's finding; a list under it cannot be missing.
    if (!isMappingOrAbsent(doc.value, ['vendor'])) return [];
    const people = valueAt(doc.value, ['vendor', 'key_personnel']);
    if (Array.isArray(people) && people.length > 0) {
      // A role with a blank name (what the fix inserts) names nobody: the clause cannot hold anyone to it.
      const findings: Finding[] = [];
      const unnamed = (person: unknown): boolean => isRecord(person) && isAbsent(person.name);
      if (people.every(unnamed)) {
        return [
          {
            ruleId: 'expertise-key-personnel-missing',
            path: ['vendor', 'key_personnel'],
            message:
              people.length === 1
                ? 'The key role names nobody: no one is committed to the work (`name` is empty).'
                : `None of the ${people.length} key roles names a person: no one is committed to the work (\`name\` is empty).`,
          },
        ];
      }
      people.forEach((person, i) => {
        if (!isRecord(person) || !unnamed(person) || typeof person.role !== 'string' || person.role.trim() === '') return;
        const hasName = Object.prototype.hasOwnProperty.call(person, 'name');
        findings.push({
          ruleId: 'expertise-key-personnel-missing',
          path: ['vendor', 'key_personnel', i, ...(hasName ? ['name'] : [])],
          message: `The key role \`${shortText(person.role, 30)}\` names nobody: no one is committed to it (\`name\` is empty).`,
        });
      });
      return findings;
    }
    if (!isAbsent(people)) return [];
    // A sole trader is the key person: the vendor's name already says who does the work.
    if (isNamedIndividual(valueAt(doc.value, ['vendor', 'name']))) return [];
    return [
      {
        ruleId: 'expertise-key-personnel-missing',
        path: ['vendor', 'key_personnel'],
        message:
          "The scope does not name the vendor's key personnel (`vendor.key_personnel`): who will do the work, and how much of their time.",
        fixes: [
          {
            title: 'Add `key_personnel` with a delivery lead',
            ops: [setKeyOp(doc.value, ['vendor'], 'key_personnel', keyPersonnelSkeleton)],
            preferred: true,
            applicability: 'display-only',
          },
        ],
      },
    ];
  },
};

/**
 * A vendor that is one named person: "Jamie Cole (sole trader)", "Ana Ruiz, freelance developer",
 * "Self-employed: Tom Berg". A marker with no name ("Freelancer from Upwork") names nobody.
 */
export function isNamedIndividual(name: unknown): boolean {
  if (typeof name !== 'string' || name.length > 200) return false;
  const marker = individualMarker.exec(name);
  if (!marker) return false;
  // The person's name is what stands apart from the marker: before it, or after it and a colon.
  const rest = name.slice(marker.index + marker[0].length);
  const named = isPersonalName(name.slice(0, marker.index));
  return named || (name.slice(0, marker.index).trim() === '' && rest.trimStart().startsWith(':') && isPersonalName(rest));
}

/** Two to four capitalised words ("Jamie Cole", "Ana de la Cruz" counts its capitalised words), separators aside. */
function isPersonalName(text: string): boolean {
  const words = text.split(/[\s,():–-]+/).filter((w) => w !== '');
  const capitalised = words.filter((w) => /^\p{Lu}[\p{L}'’.]*$/u.test(w));
  const particles = words.filter((w) => /^(?:de|da|del|der|van|von|la|le|di|du|bin|al)$/.test(w));
  return capitalised.length >= 2 && capitalised.length <= 4 && capitalised.length + particles.length === words.length;
}
