import { describe, expect, it } from 'vitest';
import { maskPersonalData, PII_KINDS, PII_LABELS } from '../../src/lib/pii.ts';

const CPR = PII_LABELS.cpr;
const EMAIL = PII_LABELS.email;
const PHONE = PII_LABELS.phone;
const PLATE = PII_LABELS.plate;

/** The masked text only, for the many cases where that is all a rule is about. */
function mask(text: string): string {
  return maskPersonalData(text).text;
}

describe('PII_LABELS', () => {
  it('every kind has a Danish label in brackets', () => {
    for (const kind of PII_KINDS) expect(PII_LABELS[kind]).toMatch(/^\[.+ skjult\]$/);
  });
});

describe('maskPersonalData: CPR numbers', () => {
  it('a CPR number with a dash is masked', () => {
    expect(mask('Mit CPR-nummer er 010190-1234.')).toBe(`Mit CPR-nummer er ${CPR}.`);
  });

  it('a CPR number without a separator is masked', () => {
    expect(mask('cpr 3112851234 tak')).toBe(`cpr ${CPR} tak`);
  });

  it('a CPR number with a space is masked', () => {
    expect(mask('Født 150372 4321, bor i Valby')).toBe(`Født ${CPR}, bor i Valby`);
  });

  it('a CPR number with an en dash from a word processor is masked', () => {
    expect(mask('280204–5678')).toBe(CPR);
  });

  it('a 10-digit number that is not a date is kept', () => {
    expect(mask('Sagsnummer 9912345678')).toBe('Sagsnummer 9912345678');
    expect(mask('Ordre 3201901234')).toBe('Ordre 3201901234'); // day 32
    expect(mask('Ordre 0113901234')).toBe('Ordre 0113901234'); // month 13
    expect(mask('Ordre 0001901234')).toBe('Ordre 0001901234'); // day 00
  });

  it('a CPR number is masked whole, never half-masked as a phone number', () => {
    const result = maskPersonalData('010190-1234');
    expect(result.text).toBe(CPR);
    expect(result.masks).toEqual(['cpr']);
  });

  it('ten digits inside a longer number are not a CPR number', () => {
    expect(mask('Konto 120101901234567')).toBe('Konto 120101901234567');
  });
});

describe('maskPersonalData: e-mail addresses', () => {
  it('an e-mail address is masked', () => {
    expect(mask('Skriv til anna.jensen@kk.dk for mere')).toBe(`Skriv til ${EMAIL} for mere`);
  });

  it('an e-mail address with a plus tag and subdomain is masked', () => {
    expect(mask('mads+tryghed@mail.example.co.uk')).toBe(EMAIL);
  });

  it('an e-mail address with Danish letters is masked', () => {
    expect(mask('Kontakt søren.ærø@nørrebro.dk')).toBe(`Kontakt ${EMAIL}`);
  });

  it('a full stop after an e-mail address is kept', () => {
    expect(mask('Min mail er lise@hotmail.com.')).toBe(`Min mail er ${EMAIL}.`);
  });

  it('digits in an e-mail address are masked as the address, not as a phone number', () => {
    const result = maskPersonalData('12345678@sms.dk');
    expect(result.text).toBe(EMAIL);
    expect(result.masks).toEqual(['email']);
  });

  it('an @ in a handle without a domain is kept', () => {
    expect(mask('Følg @kobenhavnskommune')).toBe('Følg @kobenhavnskommune');
  });
});

describe('maskPersonalData: phone numbers', () => {
  it('an 8-digit number is masked', () => {
    expect(mask('Ring på 12345678')).toBe(`Ring på ${PHONE}`);
  });

  it('an 8-digit number in pairs is masked', () => {
    expect(mask('tlf. 12 34 56 78 efter kl. 16')).toBe(`tlf. ${PHONE} efter kl. 16`);
  });

  it('an 8-digit number in two fours is masked', () => {
    expect(mask('Tlf: 3366 3366')).toBe(`Tlf: ${PHONE}`);
  });

  it('a number with +45 or 0045 is masked with its prefix', () => {
    expect(mask('+45 12 34 56 78')).toBe(PHONE);
    expect(mask('+4512345678')).toBe(PHONE);
    expect(mask('0045 2345 6789')).toBe(PHONE);
  });

  it('an international number is masked', () => {
    expect(mask('Min svenske: +46 70 123 45 67.')).toBe(`Min svenske: ${PHONE}.`);
    expect(mask('+4915112345678')).toBe(PHONE);
    expect(mask('+44 20 7946 0958')).toBe(PHONE);
  });

  it('a +45 number followed by a year does not take the year with it', () => {
    expect(mask('Ring +45 12 34 56 78 2024')).toBe(`Ring ${PHONE} 2024`);
  });

  it('a year is not a phone number', () => {
    expect(mask('I 2024 blev der mere utrygt end i 1999.')).toBe('I 2024 blev der mere utrygt end i 1999.');
  });

  it('a time is not a phone number', () => {
    expect(mask('Larm fra 22:30 til 04:00')).toBe('Larm fra 22:30 til 04:00');
  });

  it('a house number and postcode are not a phone number', () => {
    expect(mask('Nørrebrogade 12, 2200 København N')).toBe('Nørrebrogade 12, 2200 København N');
  });

  it('a date is not a phone number', () => {
    expect(mask('Den 12.05.2024 og 2024-05-12')).toBe('Den 12.05.2024 og 2024-05-12');
  });

  it('a short or long run of digits is not a phone number', () => {
    expect(mask('1234567 og 123456789')).toBe('1234567 og 123456789');
  });
});

describe('maskPersonalData: number plates', () => {
  it('a plate written AB 12 345 is masked', () => {
    expect(mask('En hvid varevogn, AB 12 345, holdt der hver nat')).toBe(
      `En hvid varevogn, ${PLATE}, holdt der hver nat`,
    );
  });

  it('a plate written without spaces is masked', () => {
    expect(mask('Bilen CX12345 kørte over for rødt')).toBe(`Bilen ${PLATE} kørte over for rødt`);
  });

  it('a plate in lower case is masked', () => {
    expect(mask('nummerplade ab 12345')).toBe(`nummerplade ${PLATE}`);
  });

  it('two letters at the end of a word are not a plate', () => {
    expect(mask('Linje 5A 12345')).toBe('Linje 5A 12345');
    expect(mask('Bus12345')).toBe('Bus12345');
  });

  it('a common Danish word before a number is not a plate', () => {
    expect(mask('Der er 12 345 borgere i området')).toBe('Der er 12 345 borgere i området');
    expect(mask('ca 12345 cyklister')).toBe('ca 12345 cyklister');
  });

  it('the same letters in capitals are a plate', () => {
    expect(mask('ER 12 345')).toBe(PLATE);
  });
});

describe('maskPersonalData: result', () => {
  it('an e-mail and a phone in one text are both reported', () => {
    const result = maskPersonalData('Ring 12 34 56 78 eller skriv til ole@example.dk');
    expect(result.text).toBe(`Ring ${PHONE} eller skriv til ${EMAIL}`);
    expect(result.masks).toEqual(['email', 'phone']);
    expect(result.count).toBe(2);
  });

  it('kinds are reported once each, in PII_KINDS order, and every replacement is counted', () => {
    const result = maskPersonalData('AB 12 345, 12345678, 010190-1234, a@b.dk, 87654321, 020290-4321');
    expect(result.masks).toEqual(['cpr', 'email', 'phone', 'plate']);
    expect(result.count).toBe(6);
  });

  it('text without personal data is returned unchanged with no masks', () => {
    const text = 'Der mangler lys i Folehaven ved nr. 12 — især om vinteren.';
    expect(maskPersonalData(text)).toEqual({ text, masks: [], count: 0 });
  });

  it('the empty string is returned unchanged', () => {
    expect(maskPersonalData('')).toEqual({ text: '', masks: [], count: 0 });
  });

  it('text around a mask is unchanged (æøå)', () => {
    expect(mask('Blåbærgrød på Ørestads torv: 12345678 — skønt!')).toBe(`Blåbærgrød på Ørestads torv: ${PHONE} — skønt!`);
  });

  it('emoji and combining characters around a mask are unchanged', () => {
    const decomposed = 'A\u030a'; // Å as A + combining ring, must not be normalised
    expect(mask(`😟${decomposed} 12345678 👍🏽`)).toBe(`😟${decomposed} ${PHONE} 👍🏽`);
  });

  it('masking is idempotent: a masked text has nothing left to mask', () => {
    const once = mask('010190-1234 a@b.dk 12345678 AB 12 345 +46 70 123 45 67');
    expect(maskPersonalData(once)).toEqual({ text: once, masks: [], count: 0 });
  });
});

describe('maskPersonalData: hostile input', () => {
  // Generous bounds: these catch catastrophic backtracking, not slow machines.
  const inputs: [string, string][] = [
    ['digits', '1'.repeat(100_000)],
    ['letters', 'a'.repeat(100_000)],
    ['almost an e-mail local part', 'a.'.repeat(50_000)],
    ['almost an e-mail domain', `a@${'b-'.repeat(50_000)}`],
    ['many @', 'a@'.repeat(50_000)],
    ['e-mail-like fragments', 'a@b.c'.repeat(20_000)],
    ['digit pairs', '12 '.repeat(33_000)],
    ['plus signs and digits', '+1 '.repeat(33_000)],
  ];

  for (const [name, input] of inputs) {
    it(`100 kB of ${name} is processed quickly`, () => {
      const start = performance.now();
      const result = maskPersonalData(input);
      expect(performance.now() - start).toBeLessThan(1000);
      expect(typeof result.text).toBe('string');
    });
  }
});
