// Heuristics that tell a capitalised two-word run ("Andy Robinson") from an organisation or a place
// ("Hong Kong", "Six Nations"): known first names, titles and role words around the name, and the
// news convention of naming a person in full once and by surname afterwards ("Mr Robinson").

// Capitalised words that precede a name without being part of it (titles, parties, sentence starters).
export const LEADING_WORDS = new Set(`
A After Also An And As At But By Chancellor Chief Coach Conservative Dame Democrat Democrats Deputy Dr Even
Foreign For Former From General Home Judge Labour Liberal Lib Dem Lord Manager Minister Miss Mr Mrs Ms Now Of
Prime Professor President Prof Rev Republican Secretary Senator Shadow Sir So Striker The Then This Tory Under
When While With Yet Captain Boss Director Defence Culture Health Education Trade Transport Environment Justice
Interior Treasury Business Sports Sport Tory Vice Ambassador Governor Mayor Commissioner Inspector Detective
Sergeant Constable Bishop Archbishop Pope King Queen Prince Princess Chairman Chairwoman Actor Actress Singer
Star Rapper Veteran Midfielder Defender Winger Goalkeeper Champion Olympic World European British English
Scottish Welsh Irish American French German Italian Spanish Australian Russian Chinese Japanese Indian
If Although Since Because Before Despite Meanwhile However Like Unlike Until Both Neither Only In On Its Their
His Her Our It He She They We There That These Those Some Many Most Next Every Each Such To Into Over Without
About Against Between Through During Including Not No All Yes Why How What Who Where Which Did Does Do Is Are
Was Were Will Would Could Should Can May Might Must Has Have Had Dear Hi Hello Thanks Well Oh
`.trim().split(/\s+/));

// First words that make a pair an organisation or place, never a person.
const NON_FIRST = new Set(`
New North South East West Great Royal National International United Real Los Las San Santa Saint Hong Sri
Costa Tel Abu Buenos Rio Sao Hollywood Premier Champions Football Rugby Davis Grand Super Golden Silver
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Christmas Easter Downing Wall Capitol Ivory Northern Southern
Central Middle Far Near Upper Lower Old Big Little Six Five Four Three Two One Ten Second Third First Last
Air Radio Roman Apple Mac Deutsche Dirty Ford
`.trim().split(/\s+/));

// Second words that make a pair an organisation, place or event.
const NON_LAST = new Set(`
Street Road Avenue Square Park Bridge House Hall Palace Office Party Council Committee Commission Bank Group
Club Cup League Championship Championships Open Games Awards Award Prize Festival Records Music Pictures
Studios Films News Times Post Journal Mail Telegraph Sport Sports United City Rovers Athletic Wanderers
County Town Island Islands Kingdom Union Nations States Republic Airways Airlines Motors Labs Systems Networks
Online Media Entertainment Corporation Company Holdings Partners Capital Securities Trust Fund Foundation
Institute University College School Hospital Court Service Services Agency Authority Department Ministry
Army Navy Force Police Stadium Arena Theatre Centre Center Museum Gallery Day Week Year Act Bill Report
Council Assembly Parliament Congress Senate Government Exchange Market Index Street Station Airport Valley
Ocean Sea River Lake Mountains Coast Bay Square Gate Tower Prix Series Tour Trophy Shield Medal Award Show
Boys Girls Brothers Sisters Band Orchestra Choir Ltd Inc Plc Corp Industry Blacks Mini Boerse Catholic
Church Scotland England Wales Ireland Britain Europe America Africa Asia
`.trim().split(/\s+/));

// Lower-case role words written just before a name ("England coach Andy Robinson").
export const ROLE_WORDS = new Set(`
coach striker chief executive boss singer actor actress director spokesman spokeswoman manager leader
secretary minister analyst economist president chairman chairwoman player captain star winger midfielder
defender goalkeeper champion founder presenter producer writer author rapper guitarist drummer designer
chancellor officer head editor governor senator skipper forward keeper runner sprinter batsman bowler
partner colleague analyst lawyer judge professor dean veteran rival newcomer comedian musician drummer
`.trim().split(/\s+/));

const KNOWN_FIRST = new Set(`
Aaron Adam Adrian Alan Alastair Albert Alex Alexander Alistair Amanda Amy Andre Andrew Andy Angela Ann Anna
Anne Anthony Antonio Arsene Arthur Barbara Barry Ben Benjamin Bernard Bill Billy Bob Brian Bruce Carl Carlos
Caroline Catherine Charles Charlie Charlotte Chris Christian Christine Christopher Claire Colin Craig Dan
Daniel Danny Darren Dave David Dean Dennis Derek Diana Diane Dominic Donald Douglas Duncan Ed Eddie Edward
Elizabeth Elton Emily Emma Eric Frank Fred Gary Gavin Geoff Geoffrey George Gerry Gordon Graham Greg Harry
Heather Helen Henry Hugh Ian Jack Jacques James Jamie Jane Janet Jason Jeff Jennifer Jeremy Jim Jimmy Joe
John Johnny Jonathan Jose Joseph Josh Julia Julian Karen Kate Keith Kelly Ken Kenneth Kevin Kim Laura Lee
Leonardo Lewis Linda Lisa Louise Luke Margaret Maria Mark Martin Mary Matt Matthew Michael Michelle Mick
Mike Neil Nick Nicola Nicholas Nigel Oliver Patrick Paul Peter Phil Philip Rachel Ray Richard Rob Robbie
Robert Robin Roger Ronaldo Ross Roy Russell Ruth Ryan Sally Sam Samuel Sarah Scott Sean Simon Stephen Steve
Steven Stuart Sue Susan Thomas Thierry Tim Tom Tony Victoria Wayne William Gerhard Silvio Vladimir Jacques
Kofi Ariel Yasser Mahmoud Condoleezza Hillary Howard Lennox Marcus Serena Venus Roman Jose Rafael Ricky Ruud
Tiger Lleyton Amelie Maria Svetlana Paula Kelly Jonny Clive Martin Brendan Rio Gareth Ashley Frank Rupert
`.trim().split(/\s+/));

export function isNonPersonPair(first: string, last: string): boolean {
  return NON_FIRST.has(first) || NON_LAST.has(last) || LEADING_WORDS.has(last);
}

export function isKnownFirstName(word: string): boolean {
  return KNOWN_FIRST.has(word);
}
