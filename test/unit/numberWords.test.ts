// Number words (numberWords.ts): the one list of English number words that the payment-plan,
// cadence, headcount and quantity readers share, and the values they read from it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  alternation,
  cardinalValue,
  cardinalWords,
  ordinalValue,
  tensWords,
  timesValue,
  unitWords,
} from '../../server/src/service/numberWords';
import { engagementOf, ongoingReason } from '../../server/src/service/engagement';
import { readCadence } from '../../server/src/service/model';
import { writtenSchedule } from '../../server/src/service/paymentTerms';
import { hasQuantity } from '../../server/src/service/quantities';
import { defaultThresholds } from '../../server/src/service/settings';

describe('numberWords: values of number words', () => {
  it('reads cardinals of one or two words up to a hundred, in any case', () => {
    for (const [text, value] of [
      ['seven', 7],
      ['Eleven', 11],
      ['fifteen', 15],
      ['ninety', 90],
      ['twenty-five', 25],
      ['Thirty five', 35],
      ['a hundred', 100],
      ['one hundred', 100],
      ['hundred', 100],
    ] as const) {
      assert.equal(cardinalValue(text), value, text);
    }
  });

  it('reads nothing else as a cardinal: compounds that are no number, other words, object keys', () => {
    for (const text of ['twenty-ten', 'five-twenty', 'seventy one two', 'dozen', '', 'constructor', 'toString', 'second']) {
      assert.equal(cardinalValue(text), undefined, text);
    }
  });

  it('reads ordinals and "once", "twice", "thrice"', () => {
    assert.deepEqual(['second', 'Fourth', 'twelfth', 'other'].map(ordinalValue), [2, 4, 12, undefined]);
    assert.deepEqual(['once', 'Twice', 'thrice', 'constructor'].map(timesValue), [1, 2, 3, undefined]);
  });

  it('lists the words by value and builds alternations that try the longer word first', () => {
    assert.deepEqual(cardinalWords(12), [
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
      'eight',
      'nine',
      'ten',
      'eleven',
      'twelve',
    ]);
    assert.equal(cardinalWords(90).length, 27);
    assert.deepEqual(unitWords, ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']);
    assert.deepEqual(tensWords, ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);
    assert.equal(alternation(['six', 'sixty', 'ten']), 'sixty|six|ten');
  });
});

describe('numberWords: the readers that use them keep their readings', () => {
  it('payment plans: "twenty-five percent", "seventy per cent", "a hundred percent"', () => {
    const plan = writtenSchedule('Twenty-five percent on signing, seventy-five per cent on acceptance.');
    assert.deepEqual(
      plan?.shares.map((s) => [s.percent, s.upfront]),
      [
        [25, true],
        [75, false],
      ],
    );
    assert.deepEqual(
      writtenSchedule('A hundred percent on acceptance of the final release.')?.shares.map((s) => s.percent),
      [100],
    );
  });

  it('cadences: "every two weeks", "every second week", "twice a week", "three times a month", "every eleven days"', () => {
    for (const [text, days] of [
      ['every two weeks', 14],
      ['every second week', 14],
      ['every other week', 14],
      ['twice a week', 3],
      ['three times a month', 10],
      ['two-week sprints', 14],
      ['every eleven days', 11],
    ] as const) {
      assert.equal(readCadence(text)?.days, days, text);
    }
  });

  it('headcounts: "Team of four engineers" and "Twelve Java developers" are people\'s time, "Laptops for 40 developers" is not', () => {
    const reading = engagementOf({}, defaultThresholds);
    for (const title of ['Team of four engineers', 'Twelve Java developers for the claims team', 'Squad of eleven']) {
      assert.notEqual(ongoingReason({ title }, reading), undefined, title);
    }
    assert.equal(ongoingReason({ title: 'Laptops for 40 developers' }, reading), undefined);
  });

  it('quantities: a number word before a unit of time or a percentage is a quantity', () => {
    for (const text of [
      'within five business days',
      'reply in twelve hours',
      'eighty percent of tickets',
      'in seventeen days',
      'half days',
    ]) {
      assert.equal(hasQuantity(text), true, text);
    }
    assert.equal(hasQuantity('the reports are clear'), false);
  });
});
