import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPersonalData, maskPersonalData, normalizeForPii, personalDataKinds, PII_KINDS, PII_LABELS } from '../../src/lib/pii.ts';

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

  it('an @ in a handle without a domain is masked as a handle, not an e-mail address', () => {
    const result = maskPersonalData('Følg @kobenhavnskommune');
    expect(result.text).toBe(`Følg ${PII_LABELS.handle}`);
    expect(result.masks).toEqual(['handle']);
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

  it('a house number and postcode are not a phone number (the street and number are an address)', () => {
    const result = maskPersonalData('Nørrebrogade 12, 2200 København N');
    expect(result.text).toBe(`${PII_LABELS.address}, 2200 København N`);
    expect(result.masks).toEqual(['address']);
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

  it('only the characters of a match are replaced: full-width, invisible and odd characters around it are kept', () => {
    expect(mask('ﬁn \u00a0kl.\u202f17 ０１０１９０－１２３４ 👨‍👩‍👧 ok')).toBe(`ﬁn \u00a0kl.\u202f17 ${CPR} 👨‍👩‍👧 ok`);
    expect(mask('cpr 0101\u200b90-1234\u200b tak')).toBe(`cpr ${CPR}\u200b tak`);
    expect(mask('snap: ﬁsk_1!')).toBe(`snap: ${PII_LABELS.handle}!`);
  });

  it('a text with nothing masked is returned exactly as given, unnormalised', () => {
    const text = 'Å\u200b — A\u030a\u00a0ﬁ';
    expect(maskPersonalData(text)).toEqual({ text, masks: [], count: 0 });
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
    ['dotted digit pairs (a phone refused before each, once)', '12.'.repeat(33_000)],
    ['hyphenated letters that never end in a street word', 'a-'.repeat(50_000)],
    ['hyphenated letters ending in a street word', `${'a-'.repeat(50_000)}gade x`],
    ['written-out "at"', 'a at '.repeat(20_000)],
    ['written-out "(at)" and "(dot)"', 'a (at) b (dot) '.repeat(7_000)],
    ['network names', 'min snap er '.repeat(8_000)],
    ['first names', 'Ahmed '.repeat(16_000)],
    ['street names and numbers', 'Nørrebrogade 1, '.repeat(6_000)],
    ['profile URLs', 'instagram.com/'.repeat(7_000)],
    ['@ handles', '@a'.repeat(50_000)],
    ['zero-width spaces', '\u200b'.repeat(100_000)],
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

describe('normalizeForPii', () => {
  it('full-width characters, dashes, spaces, other digits and invisible characters are normalised', () => {
    expect(normalizeForPii('０１２＠ｘ')).toBe('012@x');
    expect(normalizeForPii('1\u20132\u22123\u20114\u20105\uff0d6')).toBe('1-2-3-4-5-6');
    expect(normalizeForPii('1\u00a02\u20093\u202f4\u30005')).toBe('1 2 3 4 5');
    expect(normalizeForPii('1\u200b2\u00ad3\u200e4\u202e5\u20606\ufeff7')).toBe('1234567');
    expect(normalizeForPii('\u0661\u0662\u06f3\u06f4')).toBe('1234');
  });

  it('is idempotent', () => {
    const text = 'A\u030a ０１ —\u200b ١٢';
    expect(normalizeForPii(normalizeForPii(text))).toBe(normalizeForPii(text));
  });
});

describe('maskPersonalData: written around the patterns', () => {
  it('a CPR number with odd separators, dashes, full-width digits or zero-width spaces is masked', () => {
    for (const cpr of ['01.01.90-1234', '010190/1234', '010190 - 1234', '01 01 90 1234', '01-01-90-1234', '010190.1234',
      '010190\u20131234', '010190\u22121234', '010190\u20111234', '０１０１９０－１２３４', '0101\u200b90-1234', '\u0660\u0661\u0660\u0661\u0669\u0660-1234']) {
      expect(mask(`cpr ${cpr} tak`), cpr).toBe(`cpr ${CPR} tak`);
    }
  });

  it('a phone number in any grouping, with its +45 or 0045 prefix, is masked', () => {
    for (const phone of ['12-34-56-78', '1234-5678', '12.34.56.78', '123 45 678', '12 345 678', '0045-12345678', '+45-12345678',
      '(+45) 12 34 56 78', '+45 1234 5678', '00 45 12345678', '１２３４５６７８', '12\u00a034\u00a056\u00a078']) {
      expect(mask(`ring ${phone} nu`), phone).toBe(`ring ${PHONE} nu`);
    }
  });

  it('an e-mail address written out, spaced, without a top-level domain or with a full-width @ is masked', () => {
    for (const email of ['navn at gmail dot com', 'navn(at)gmail.com', 'navn (at) gmail (dot) com', 'navn [at] gmail [dot] com',
      'navn @ gmail.com', 'navn@gmail', 'navn＠gmail.com', 'navn {at} hotmail {punktum} dk']) {
      expect(mask(`skriv ${email} tak`), email).toBe(`skriv ${EMAIL} tak`);
    }
  });

  it('"at" between ordinary words is not an e-mail address', () => {
    expect(mask('Jeg har lyst at gå en tur')).toBe('Jeg har lyst at gå en tur');
  });

  it('a number plate with dashes or dots, in any case, is masked', () => {
    for (const plate of ['AB-12-345', 'AB-12345', 'AB.12.345', 'ab-12-345', 'Ab 12345']) expect(mask(`bil ${plate} holdt`), plate).toBe(`bil ${PLATE} holdt`);
  });

  it('a street address with house number, floor and side is masked; a house number alone is only flagged', () => {
    expect(mask('Han bor på Nørrebrogade 12, 3. th. med sin mor')).toBe(`Han bor på ${PII_LABELS.address} med sin mor`);
    expect(mask('Blågårdsgade 5 st. tv.')).toBe(PII_LABELS.address);
    expect(mask('Sankt Hans Gade 3')).toBe(PII_LABELS.address);
    expect(mask('nede på Tagensvej 88')).toBe(`nede på ${PII_LABELS.address}`);
    const alone = checkPersonalData('Drengene fra nr. 12 larmer');
    expect(alone).toMatchObject({ text: 'Drengene fra nr. 12 larmer', masks: [], flags: ['address'] });
    expect(alone.flagged).toEqual([{ kind: 'address', match: 'nr. 12' }]);
  });

  it('handles, network user names and profile URLs are masked', () => {
    expect(mask('skriv til @xyz_99')).toBe(`skriv til ${PII_LABELS.handle}`);
    expect(mask('min snap er xyz')).toBe(`min snap er ${PII_LABELS.handle}`);
    expect(mask('insta: kalle.k')).toBe(`insta: ${PII_LABELS.handle}`);
    for (const url of ['instagram.com/navn', 'https://www.tiktok.com/@navn', 'facebook.com/navn.navnesen', 'snapchat.com/add/navn']) {
      expect(mask(`se ${url}.`), url).toBe(`se ${PII_LABELS.handle}.`);
    }
    expect(mask('Instagram er fyldt med reklamer')).toBe('Instagram er fyldt med reklamer');
  });

  it('a capitalised first name from the list is masked; a lower-case word is not', () => {
    expect(mask('Ring til Jens på 22334455')).toBe(`Ring til ${PII_LABELS.name} på ${PHONE}`);
    expect(mask('Ahmed og Fatima fra opgangen')).toBe(`${PII_LABELS.name} og ${PII_LABELS.name} fra opgangen`);
    expect(mask('Ahmeds cykel')).toBe(`${PII_LABELS.name} cykel`);
    expect(mask('Jens Jensen larmer')).toBe(`${PII_LABELS.name} larmer`);
    expect(mask('ali baba og emma')).toBe('ali baba og emma');
  });

  it('a kind can be kept: a first name in a comment\'s name field is the resident\'s choice', () => {
    expect(maskPersonalData('Ahmed', { keep: ['name'] })).toEqual({ text: 'Ahmed', masks: [], count: 0 });
    expect(checkPersonalData('Hans', { keep: ['name'] }).flags).toEqual([]);
    expect(maskPersonalData('Ahmed 12345678', { keep: ['name'] })).toEqual({ text: `Ahmed ${PHONE}`, masks: ['phone'], count: 1 });
  });

  it('a name that is also a word is only flagged; a name in a place name is left', () => {
    const r = checkPersonalData('Hans cykel blev stjålet');
    expect(r).toMatchObject({ text: 'Hans cykel blev stjålet', masks: [], flags: ['name'] });
    expect(checkPersonalData('Mødet er i Hans Tavsens Park ved Dronning Louises Bro')).toMatchObject({ masks: [], flags: [] });
  });
});

describe('checkPersonalData: masked and flagged kinds', () => {
  it('reports exactly what was hidden and what was only flagged', () => {
    const r = checkPersonalData('Ring 12345678. Per fra nr. 7 ved det.');
    expect(r.masks).toEqual(['phone']);
    expect(r.flags).toEqual(['address', 'name']);
    expect(r.count).toBe(1);
  });

  it('maskPersonalData returns the masked part only', () => {
    expect(maskPersonalData('Per 12345678')).toEqual({ text: `Per ${PHONE}`, masks: ['phone'], count: 1 });
  });

  it('personalDataKinds lists masked and flagged kinds over several texts', () => {
    expect(personalDataKinds('Ring til 22334455', null, 'Drengene fra nr. 12', undefined)).toEqual(['phone', 'address']);
    expect(personalDataKinds('Mødet er kl. 17.30 på Blågårds Plads', '')).toEqual([]);
  });
});

describe('maskPersonalData: the text around a mask is returned exactly as written', () => {
  it('any characters (no letters, digits or @) around a phone number and a CPR number are kept as they are', () => {
    const around = fc.string({ unit: 'binary', maxLength: 30 }).filter((x) => !/[\p{L}\p{N}@]/u.test(x.normalize('NFKC')));
    fc.assert(
      fc.property(around, around, around, (a, b, c) => {
        expect(mask(`${a} 12 34 56 78 ${b} 010190\u20131234 ${c}`)).toBe(`${a} ${PHONE} ${b} ${CPR} ${c}`);
      }),
      { seed: 20_261_204, numRuns: 500 },
    );
  });
});
