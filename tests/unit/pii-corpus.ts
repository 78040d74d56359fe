/**
 * A corpus for src/lib/pii.ts: positives (personal data, each in a sentence
 * a resident might write, with the part that must disappear) and negatives
 * (ordinary Danish and English text with numbers, dates, prices, bus lines,
 * places and public numbers that must be left alone). tests/unit/pii-corpus.test.ts
 * computes recall and the false-positive rate from it.
 */
import type { PiiKind } from '../../src/lib/pii.ts';

export interface Positive {
  text: string;
  kind: PiiKind;
  /** 'mask': the kind is masked and `secret` is gone from the text; 'flag': the kind is flagged for the moderator. */
  action: 'mask' | 'flag';
  /** The personal data itself (for 'mask': must not survive, in its normalised form). */
  secret: string;
  /** The format this example stands for (recall is reported per format). */
  format: string;
}

const cpr = (secret: string, format: string, text = `Mit cpr er ${secret}, hvis I skal bruge det.`): Positive => ({ text, kind: 'cpr', action: 'mask', secret, format });
const phone = (secret: string, format: string, text = `Ring til mig på ${secret} efter kl. 16.`): Positive => ({ text, kind: 'phone', action: 'mask', secret, format });
const email = (secret: string, format: string, text = `Skriv til ${secret} hvis der sker noget.`): Positive => ({ text, kind: 'email', action: 'mask', secret, format });
const plate = (secret: string, format: string, text = `Bilen med nummerplade ${secret} holder der hver nat.`): Positive => ({ text, kind: 'plate', action: 'mask', secret, format });
const handle = (secret: string, format: string, text: string): Positive => ({ text, kind: 'handle', action: 'mask', secret, format });
const address = (secret: string, format: string, text: string, action: 'mask' | 'flag' = 'mask'): Positive => ({ text, kind: 'address', action, secret, format });
const name = (secret: string, format: string, text: string, action: 'mask' | 'flag' = 'mask'): Positive => ({ text, kind: 'name', action, secret, format });

export const POSITIVES: readonly Positive[] = [
  // CPR numbers
  cpr('010190-1234', 'CPR DDMMYY-NNNN'),
  cpr('0101901234', 'CPR 10 digits'),
  cpr('010190 1234', 'CPR space'),
  cpr('01.01.90-1234', 'CPR DD.MM.YY-NNNN'),
  cpr('010190/1234', 'CPR slash'),
  cpr('010190 - 1234', 'CPR spaced dash'),
  cpr('01 01 90 1234', 'CPR in groups'),
  cpr('01-01-90-1234', 'CPR all dashes'),
  cpr('010190.1234', 'CPR dot'),
  cpr('01/01/90-1234', 'CPR DD/MM/YY-NNNN'),
  cpr('31.12.85 1234', 'CPR DD.MM.YY NNNN'),
  cpr('010190\u20131234', 'CPR en dash'),
  cpr('010190\u20141234', 'CPR em dash'),
  cpr('010190\u22121234', 'CPR minus sign'),
  cpr('010190\u20111234', 'CPR non-breaking hyphen'),
  cpr('010190\u20101234', 'CPR hyphen'),
  cpr('010190\uff0d1234', 'CPR full-width hyphen'),
  cpr('\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14', 'CPR full-width digits'),
  cpr('01\u200b01\u200b90-1234', 'CPR zero-width spaces'),
  cpr('0101\u00ad90\u200d1234', 'CPR soft hyphen and joiner'),
  cpr('010190\u00a01234', 'CPR no-break space'),
  cpr('\u200e010190-1234\u200f', 'CPR bidi marks'),
  cpr('\u0660\u0661\u0660\u0661\u0669\u0660-\u0661\u0662\u0663\u0664', 'CPR Arabic-Indic digits'),
  cpr('280204-5678', 'CPR in a sentence', 'cpr.nr. 280204-5678'),
  // Phone numbers
  phone('12345678', 'phone 8 digits'),
  phone('12 34 56 78', 'phone pairs'),
  phone('1234 5678', 'phone fours'),
  phone('12-34-56-78', 'phone pairs with dashes'),
  phone('1234-5678', 'phone fours with dash'),
  phone('12.34.56.78', 'phone pairs with dots'),
  phone('123 45 678', 'phone 3-2-3'),
  phone('12 345 678', 'phone 2-3-3'),
  phone('0045-12345678', 'phone 0045-'),
  phone('0045 12 34 56 78', 'phone 0045 pairs'),
  phone('+4512345678', 'phone +45'),
  phone('+45 12 34 56 78', 'phone +45 pairs'),
  phone('+45-1234-5678', 'phone +45 dashes'),
  phone('(+45) 12345678', 'phone (+45)'),
  phone('+45\u00a012\u00a034\u00a056\u00a078', 'phone +45 no-break spaces'),
  phone('\uff0b\uff14\uff15\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18', 'phone full-width'),
  phone('12\u200b34\u200b56\u200b78', 'phone zero-width spaces'),
  phone('12\u201334\u201356\u201378', 'phone en dashes'),
  phone('+46 70 123 45 67', 'phone international'),
  phone('22334455', 'phone staff text', 'Ring til Jens på 22334455'),
  // E-mail addresses
  email('anna.jensen@kk.dk', 'e-mail plain'),
  email('navn at gmail dot com', 'e-mail at/dot words'),
  email('navn(at)gmail.com', 'e-mail (at)'),
  email('navn (at) gmail (dot) com', 'e-mail (at) (dot)'),
  email('navn [at] gmail [dot] com', 'e-mail [at] [dot]'),
  email('navn @ gmail.com', 'e-mail spaced @'),
  email('navn@gmail', 'e-mail without top-level domain'),
  email('navn\uff20gmail.com', 'e-mail full-width @'),
  email('navn snabel-a hotmail punktum dk', 'e-mail snabel-a/punktum'),
  email('navn at gmail.com', 'e-mail at word with dot'),
  // Number plates
  plate('AB 12 345', 'plate spaced'),
  plate('AB12345', 'plate solid'),
  plate('AB-12-345', 'plate dashes'),
  plate('AB-12345', 'plate one dash'),
  plate('AB.12.345', 'plate dots'),
  plate('ab 12 345', 'plate lower case'),
  plate('ab-12-345', 'plate lower case dashes'),
  // Addresses
  address('Nørrebrogade 12, 3. th.', 'address with floor', 'Han bor på Nørrebrogade 12, 3. th. sammen med sin bror.'),
  address('Nørrebrogade 1', 'address street and number', 'Det sker hver aften ud for Nørrebrogade 1.'),
  address('Blågårdsgade 5 st. tv.', 'address ground floor', 'Naboen i Blågårdsgade 5 st. tv. råber hele natten.'),
  address('Tagensvej 88', 'address generic -vej', 'De holder til på Tagensvej 88.'),
  address('Sankt Hans Gade 3, 2. sal', 'address multi-word street', 'Opgangen i Sankt Hans Gade 3, 2. sal lugter af hash.'),
  address('jagtvej 69', 'address lower case', 'kom forbi jagtvej 69 i aften'),
  address('Peblinge Dossering 20', 'address known street', 'Han bor på Peblinge Dossering 20.'),
  address('Rantzausgade nr. 4', 'address with nr.', 'Det er ham fra Rantzausgade nr. 4.'),
  address('nr. 12', 'house number alone (flag)', 'Drengene fra nr. 12 larmer hver nat.', 'flag'),
  address('4. tv.', 'floor and side alone (flag)', 'Hun bor på 4. tv. og er bange.', 'flag'),
  // Handles and profiles
  handle('@xyz_99', '@handle', 'Han hedder @xyz_99 derinde.'),
  handle('@kalle.k', '@handle with dot', 'Skriv til @kalle.k på insta.'),
  handle('xyz', 'snap name', 'min snap er xyz'),
  handle('kalle_k', 'insta name', 'insta: kalle_k'),
  handle('dreng2200', 'snap name without introducer', 'tilføj mig på snap dreng2200'),
  handle('instagram.com/navn', 'Instagram URL', 'Se instagram.com/navn for billeder.'),
  handle('tiktok.com/@navn', 'TikTok URL', 'Videoen ligger på https://www.tiktok.com/@navn'),
  handle('facebook.com/navn.navnesen', 'Facebook URL', 'Profilen er facebook.com/navn.navnesen.'),
  handle('snapchat.com/add/navn', 'Snapchat URL', 'snapchat.com/add/navn'),
  // Names
  name('Ahmed', 'Arabic name', 'Ahmed fra opgangen har set det.'),
  name('Jens', 'Danish name', 'Ring til Jens på 22334455'),
  name('Fatima', 'Arabic name 2', 'Det var Fatima der ringede.'),
  name('Mehmet', 'Turkish name', 'Mehmet ejer kiosken.'),
  name('Faadumo', 'Somali name', 'Faadumo så dem løbe.'),
  name('Imran', 'Urdu name', 'Imran og hans venner.'),
  name('Rojin', 'Kurdish name', 'Spørg Rojin om det.'),
  name('Lejla', 'Bosnian name', 'Lejla blev råbt efter.'),
  name('Søren', 'Danish name with ø', 'Søren i stueetagen ved besked.'),
  name('Ahmeds', 'name genitive', 'Ahmeds bror solgte det.'),
  name('Hans', 'ambiguous name (flag)', 'Det var Hans der gjorde det.', 'flag'),
  name('Per', 'ambiguous name Per (flag)', 'Per fra tredje sal larmer.', 'flag'),
];

export interface Negative {
  text: string;
  /** What the example stands for. */
  note: string;
}

const neg = (text: string, note: string): Negative => ({ text, note });

export const NEGATIVES: readonly Negative[] = [
  neg('Der mangler lys i Folehaven ved nr. 12 — især om vinteren.', 'house number without street (flagged, not masked)'),
  neg('Mødet er d. 12.03.2025 kl. 17.30 i Folkets Hus.', 'date and time'),
  neg('Vi ses den 1.4.2025 kl. 9.00.', 'short date'),
  neg('Den 12.05.2024 og 2024-05-12 var der uro.', 'dates'),
  neg('Fra 12-05-2024 til 19-05-2024.', 'dashed dates'),
  neg('Åbent kl. 17.30-19.00 hver torsdag.', 'time range'),
  neg('Larm fra 22:30 til 04:00', 'times with colon'),
  neg('Billetten koster kr. 1.234,50 i alt.', 'price'),
  neg('Budgettet er 12.345.678 kr. for hele perioden.', 'large amount'),
  neg('Projektet kostede 2.500.000 kroner.', 'amount'),
  neg('Det var i 2024, ikke i 1999.', 'years'),
  neg('Indsatsen løb 2019-2020 og igen 2023-2024.', 'year ranges'),
  neg('Tag bus 5C eller 350S til Nørrebro Station.', 'bus lines'),
  neg('Linje 5A 12345 er ikke en nummerplade.', 'bus line and number'),
  neg('Tryghedsindekset steg 12 % fra 2023 til 2024.', 'percentage'),
  neg('52,3 procent føler sig trygge.', 'decimal percentage'),
  neg('Vi holder til i 2200 København N.', 'postcode'),
  neg('Det er 3. gang i år og 2. gang i denne måned.', 'ordinals'),
  neg('Ring 112 ved fare for liv, ellers 114.', 'emergency numbers'),
  neg('Politiet har tlf. 33 14 14 48.', 'public number of the police (allow-listed)'),
  neg('Der er 12 345 borgere i området.', 'population'),
  neg('ca 12345 cyklister passerer hver dag', 'traffic count'),
  neg('Sagsnummer 9912345678', 'case number'),
  neg('Konto 120101901234567', 'long number'),
  neg('1234567 og 123456789', 'short and long digit runs'),
  neg('Mødet er på Blågårds Plads ved Hans Tavsens Park.', 'public places'),
  neg('Dronning Louises Bro er fyldt om sommeren.', 'landmark with a name'),
  neg('Sankt Hans Gade er ensrettet.', 'street without number'),
  neg('Nørrebrogade er lukket for biler.', 'street without number'),
  neg('Jeg har lyst at gå en tur i Superkilen.', 'Danish "at"'),
  neg('Instagram er fyldt med reklamer for kiosken.', 'network name'),
  neg('Kommunen skriver på sin hjemmeside kk.dk om indsatsen.', 'public website'),
  neg('Der var 20-30 unge samlet ved 7-Eleven.', 'ranges and shop name'),
  neg('Gaden har 3 lamper og 2 bænke.', 'small counts'),
  neg('Vi var 150 til mødet, 45 svarede på skemaet.', 'counts'),
  neg('Temperaturen var -5 grader kl. 23.', 'negative number'),
  neg('Der er 2 x 45 minutter med pause.', 'times'),
  neg('Se side 12-14 i rapporten fra 2024.', 'page range'),
  neg('Skolen i Nørrebroparken har 450 elever.', 'place and count'),
  neg('Vores forening er stiftet i 1987 og har cvr 12 34 56 78 90.', 'ten digits in pairs: the first eight are taken for a phone number (known false positive)'),
  neg('Åbningstider: man-fre 10-18, lør 10-14.', 'opening hours'),
  neg('Mellem 18 og 24 år gamle, cirka 30 personer.', 'age range'),
  neg('The meeting is on 12 March at 5.30 pm in room 2.14.', 'English date and room'),
  neg('About 1,500 people live on the street.', 'English count'),
  neg('Per aften kommer der cirka 40 biler.', 'Danish "per" (flagged, not masked)'),
  neg('Sten blev kastet mod vinduerne.', 'Danish "sten" (flagged, not masked)'),
  neg('Max 20 personer i lokalet.', 'Danish "max" (flagged, not masked)'),
  neg('Der er brug for mere lys, flere voksne og færre biler.', 'plain sentence'),
  neg('Blåbærgrød på Ørestads torv — skønt!', 'Danish letters'),
  neg('Følg kommunen på facebook for nyheder.', 'network name without profile'),
  neg('Vi mødes i Folkets Park kl. 14 lørdag d. 3/5.', 'park, time, short date'),
  neg('Husk at stemme: valget er 18.11.2025.', 'election date'),
  neg('Lejligheden er på 3 værelser og 78 m².', 'area'),
  neg('ID-nummer på sagen er 2024-001234.', 'case id'),
  neg('Telefonen var tavs i 2 timer og 45 minutter.', 'durations'),
  neg('Der er 8 % flere anmeldelser end sidste år, 1.234 i alt.', 'statistics'),
  neg('Vi har fået 2.000 kr. fra puljen og 15.000 kr. fra fonden.', 'grants'),
  neg('Ungdomsklubben holder åbent 15-21 på hverdage.', 'opening hours 2'),
  neg('Cykelstien langs Åboulevard er 2,5 meter bred.', 'street without house number'),
  neg('Mødet er i lokale 1.12 på Nørrebro Bibliotek.', 'room number'),
  neg('Mød op på Nørrebro Station kl. 8.15, vi skal bruge 10-15 frivillige.', 'time and range'),
  neg('Bus 5C kører hvert 7.-8. minut i myldretiden.', 'frequency'),
  neg('Call 112 in an emergency, or 114 for the police.', 'English emergency numbers'),
  neg('I 2025 blev 1.100 cykler fjernet fra Nørrebrogade og Jagtvej.', 'streets and counts'),
  neg('Rapporten fra 2024 (s. 14-16) nævner Rantzausgade og Stengade.', 'streets and pages'),
];
