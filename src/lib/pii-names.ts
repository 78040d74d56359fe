/**
 * First names common among residents of Nørrebro, for the `name` kind in
 * src/lib/pii.ts: Danish, Arabic, Turkish, Somali, Pakistani/Urdu, Kurdish
 * and Bosnian names. Matched case-sensitively, capitalised, as whole words
 * (with an optional genitive s). Not a register of anyone: a list of common
 * given names, so a resident writing "Ahmed fra nr. 12" is not named to
 * the moderator, the public or the analysts.
 *
 * AMBIGUOUS_NAMES are names that are also ordinary words (Danish "hans" =
 * his, "sten" = stone, "per" = per, "max." = at most, "maj"/"august" are
 * months, "liv" = life …). A capitalised one is as often the first word of a
 * sentence or a place name ("Hans Tavsens Park") as a person, so these are
 * only flagged for the moderator, never masked.
 */

const DANISH = [
  // women
  'Agnes', 'Alberte', 'Alma', 'Amalie', 'Andrea', 'Anna', 'Anne', 'Annette', 'Asta', 'Astrid', 'Bente', 'Birgitte', 'Bodil',
  'Camilla', 'Caroline', 'Cecilie', 'Charlotte', 'Clara', 'Dorthe', 'Ella', 'Ellen', 'Ellie', 'Emilie', 'Emily', 'Emma',
  'Esther', 'Eva', 'Freja', 'Frida', 'Gitte', 'Grethe', 'Hanna', 'Hanne', 'Heidi', 'Helle', 'Iben', 'Ida', 'Inge', 'Ingrid',
  'Isabella', 'Jette', 'Johanne', 'Josefine', 'Julie', 'Jytte', 'Karen', 'Karin', 'Karla', 'Katrine', 'Kirsten', 'Laura',
  'Lea', 'Lene', 'Lise', 'Liva', 'Lone', 'Louise', 'Luna', 'Maja', 'Malene', 'Maria', 'Marianne', 'Marie', 'Mathilde',
  'Mette', 'Mie', 'Mille', 'Molly', 'Naja', 'Nanna', 'Nina', 'Nora', 'Olga', 'Olivia', 'Pia', 'Rikke', 'Ronja', 'Ruth',
  'Sanne', 'Sara', 'Signe', 'Sofia', 'Sofie', 'Stine', 'Susanne', 'Tina', 'Tove', 'Trine', 'Ulla', 'Vibeke', 'Victoria',
  'Yvonne', 'Jane',
  // men
  'Albert', 'Alexander', 'Alfred', 'Allan', 'Anders', 'Andreas', 'Anton', 'Aron', 'Arthur', 'Asger', 'Benjamin', 'Benny',
  'Bent', 'Bertram', 'Bjarne', 'Brian', 'Carl', 'Carsten', 'Christian', 'Claus', 'Daniel', 'David', 'Dennis', 'Elias', 'Emil',
  'Erik', 'Erling', 'Felix', 'Finn', 'Flemming', 'Frederik', 'Gunnar', 'Henrik', 'Holger', 'Hugo', 'Ib', 'Jacob', 'Jakob',
  'Jan', 'Jens', 'Jeppe', 'Jesper', 'Jimmy', 'Johan', 'Jonas', 'Jørgen', 'Karl', 'Kasper', 'Kenneth', 'Kim', 'Knud',
  'Konrad', 'Kristian', 'Kurt', 'Lars', 'Lasse', 'Laurits', 'Leif', 'Liam', 'Lucas', 'Ludvig', 'Mads', 'Magnus', 'Malthe',
  'Marcus', 'Marius', 'Martin', 'Mathias', 'Michael', 'Mikkel', 'Morten', 'Niels', 'Nikolaj', 'Nicolai', 'Noah', 'Ole',
  'Oliver', 'Oscar', 'Otto', 'Peter', 'Philip', 'Poul', 'Preben', 'Rasmus', 'René', 'Sander', 'Sebastian', 'Silas', 'Simon',
  'Steen', 'Svend', 'Søren', 'Theo', 'Thomas', 'Tobias', 'Torben', 'Ulrik', 'Valdemar', 'Victor', 'Viggo', 'Villads',
  'Vincent', 'William', 'Adam',
];

const ARABIC = [
  'Abdullah', 'Adel', 'Ahmad', 'Ahmed', 'Ali', 'Amir', 'Anas', 'Ayman', 'Ayoub', 'Bassam', 'Bilal', 'Fadi', 'Hadi', 'Haitham',
  'Hamza', 'Hassan', 'Hussain', 'Hussein', 'Ibrahim', 'Idris', 'Ismail', 'Jamal', 'Jihad', 'Karim', 'Khaled', 'Khalid',
  'Mahmoud', 'Majid', 'Malik', 'Marwan', 'Mazen', 'Mohamad', 'Mohamed', 'Mohammad', 'Mohammed', 'Muhammad', 'Musa',
  'Mustafa', 'Nabil', 'Nasser', 'Omar', 'Qasim', 'Rami', 'Rashid', 'Saleh', 'Salim', 'Sami', 'Samir', 'Tamer', 'Tariq',
  'Wael', 'Walid', 'Yahya', 'Yasin', 'Yassin', 'Yousef', 'Youssef', 'Yusuf', 'Zaid', 'Zakaria', 'Ziad',
  'Aisha', 'Amal', 'Asma', 'Aya', 'Bushra', 'Dalia', 'Dina', 'Farida', 'Fatima', 'Ghada', 'Hala', 'Hanan', 'Hiba', 'Huda',
  'Ilham', 'Iman', 'Jana', 'Khadija', 'Lamia', 'Layla', 'Leila', 'Lina', 'Maha', 'Malak', 'Manal', 'Mariam', 'Maryam',
  'Mona', 'Nada', 'Nadia', 'Najwa', 'Nisreen', 'Noor', 'Nour', 'Rana', 'Rania', 'Rasha', 'Reem', 'Safa', 'Sahar', 'Salma',
  'Samira', 'Sawsan', 'Suha', 'Wafa', 'Widad', 'Yara', 'Yasmin', 'Yasmine', 'Zahra', 'Zainab',
];

const TURKISH = [
  'Ahmet', 'Berk', 'Burak', 'Cem', 'Emre', 'Enes', 'Furkan', 'Hakan', 'Hasan', 'Hüseyin', 'Kaan', 'Kerem', 'Mehmet', 'Murat',
  'Onur', 'Osman', 'Ozan', 'Ömer', 'Serkan', 'Sinan', 'Tolga', 'Umut', 'Volkan',
  'Ayşe', 'Büşra', 'Derya', 'Deniz', 'Dilek', 'Ebru', 'Ece', 'Elif', 'Emine', 'Esra', 'Eylül', 'Fatma', 'Hatice', 'Melek',
  'Merve', 'Meryem', 'Nisa', 'Özlem', 'Seda', 'Sibel', 'Tuba', 'Yasemin', 'Yıldız', 'Zeynep',
];

const SOMALI = [
  'Abdi', 'Abdirahman', 'Abdullahi', 'Ayaan', 'Deeqa', 'Faadumo', 'Farah', 'Guled', 'Hamdi', 'Hawo', 'Hibo', 'Hodan', 'Ilhan',
  'Jama', 'Khadra', 'Liban', 'Mahad', 'Muna', 'Nasra', 'Sacdiya', 'Sagal', 'Sahra', 'Ubah', 'Warsame', 'Hodan', 'Ayan',
];

const URDU = [
  'Arslan', 'Asif', 'Ayesha', 'Faisal', 'Haider', 'Hina', 'Imran', 'Irfan', 'Junaid', 'Kamran', 'Naveed', 'Rabia', 'Rizwan',
  'Saad', 'Saima', 'Sana', 'Shahid', 'Shazia', 'Sidra', 'Tahir', 'Talha', 'Usman', 'Uzma', 'Waqas', 'Zeeshan',
];

const KURDISH = [
  'Avin', 'Azad', 'Berivan', 'Delal', 'Dilan', 'Dilshad', 'Hiwa', 'Hozan', 'Jiyan', 'Kawa', 'Narin', 'Rebin', 'Rojin',
  'Rozhin', 'Serwan', 'Shilan', 'Shirin', 'Soran', 'Zana', 'Zilan',
];

const BOSNIAN = [
  'Adnan', 'Aida', 'Ajla', 'Alen', 'Almir', 'Amela', 'Amina', 'Amra', 'Armin', 'Belma', 'Dalila', 'Dino', 'Dženan', 'Edin',
  'Edina', 'Elma', 'Emina', 'Emir', 'Haris', 'Jasmin', 'Kenan', 'Lejla', 'Merima', 'Mirela', 'Mirza', 'Nermin', 'Selma',
  'Senad', 'Tarik',
];

/** Names that are also ordinary words or parts of place names: flagged, never masked. */
export const AMBIGUOUS_NAMES: readonly string[] = [
  'Aksel', 'Ask', 'August', 'Birk', 'Bo', 'Can', 'Ebbe', 'Else', 'Frank', 'Hans', 'Kaj', 'Line', 'Liv', 'Lykke', 'Lærke',
  'Maj', 'Mark', 'Max', 'Per', 'Rim', 'Rose', 'Said', 'Silke', 'Sol', 'Sten', 'Storm',
];

/** Names masked when written capitalised as a whole word. */
export const FIRST_NAMES: readonly string[] = [
  ...new Set([...DANISH, ...ARABIC, ...TURKISH, ...SOMALI, ...URDU, ...KURDISH, ...BOSNIAN]),
].filter((n) => !AMBIGUOUS_NAMES.includes(n));
