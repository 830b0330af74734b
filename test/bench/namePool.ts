// The pool of invented people the generator renames real people to. Surnames are built from syllables
// so the pool holds thousands of distinct people (a 50k-article corpus needs far more than BBC's).

const FIRST_NAMES = `
Aaron Abigail Adam Adele Adrian Agnes Aidan Aisha Alan Alberto Alexei Alice Amara Amir Ana Andrea Anika Anton
Arjun Astrid Aurelio Beatrice Bela Benedict Bianca Boris Brigitte Bruno Camille Carlos Carmen Cecilia Chen
Chiara Christophe Clara Conor Dagny Damien Dana Daniela Dario Deepa Delia Diego Dmitri Dolores Edgar Edith
Elena Elif Emeka Emil Emma Enzo Erik Esther Fatima Felipe Fiona Florian Frances Gabriel Greta Gustav Hamid
Hanna Hector Helga Hiro Hugo Ibrahim Ida Ignacio Ilse Imogen Ines Ingrid Isaac Ivan Jakob Jamal Janet Jasper
Javier Joanna Jonas Julia Kamala Karim Katrin Keiko Kenji Kofi Lars Laura Leila Leon Lina Lorenzo Lucia Luis
Magnus Maja Malik Marco Marta Mateo Maya Mehmet Mika Miriam Nadia Naomi Nikhil Nils Noor Olga Omar Oskar Paloma
Pavel Petra Priya Rafael Rania Raul Rosa Ruth Samir Sandra Sanjay Selma Sergei Simone Sofia Stefan Suki Tariq
Teresa Theo Tomas Ursula Valentina Vera Viktor Wanda Wei Xavier Yara Yusuf Zara Zoltan
`.trim().split(/\s+/);

const SURNAME_HEADS = `
Abel Adler Alder Amber Ash Bal Bar Bell Bern Black Bram Brook Cal Carr Castel Cor Cran Dal Dor Drum El Fair
Fal Fen Fern Gal Gar Gold Gren Hal Har Hart Hazel Hol Kel Kes Lan Lind Mal Mar Mer Mont Mor Nor Oak Pem Pen
Quin Ran Ren Ros Sal Sel Sten Stor Tal Tor Val Vel Wal Wes Win Wyn
`.trim().split(/\s+/);

const SURNAME_TAILS = `
aby ard berg bert by combe dale den din ford gate grove ham holm ington ley lin lock man mere more mont ner
ott ridge rook sen shaw ski sley son stead stone ston ton vall vik well wick win worth
`.trim().split(/\s+/);

export const firstNames: readonly string[] = FIRST_NAMES;
export const lastNames: readonly string[] = SURNAME_HEADS.flatMap((head) => SURNAME_TAILS.map((tail) => head + tail));

export interface Person {
  first: string;
  last: string;
}

/** The person with this number: a bijection-ish map from integers onto first × last names. */
export function personFromHash(h: number): Person {
  const first = firstNames[h % firstNames.length] as string;
  const last = lastNames[Math.floor(h / firstNames.length) % lastNames.length] as string;
  return { first, last };
}
