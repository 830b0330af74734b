// Small built-in word lists for the name finder. Keys are lower case with periods removed (the same
// normalisation as nameKey), so "U.S." and "US" look the same. Lists are generic news vocabulary, never
// names taken from a particular corpus.

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}
function phrases(list: string): Set<string> {
  return new Set(list.split('|').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

/** Countries, capitals, regions, US states and large cities. */
export const PLACES = phrases(`
afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|
bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|bosnia and herzegovina|botswana|brazil|
brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|cape verde|chad|chile|china|colombia|comoros|
congo|costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|
ecuador|egypt|el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|
ghana|greece|grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|
ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|
latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|
mali|malta|mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|
myanmar|burma|namibia|nauru|nepal|netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|
north macedonia|macedonia|norway|oman|pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|
philippines|poland|portugal|qatar|romania|russia|rwanda|samoa|san marino|saudi arabia|senegal|serbia|
seychelles|sierra leone|singapore|slovakia|slovenia|somalia|south africa|south korea|south sudan|spain|
sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|
trinidad and tobago|tunisia|turkey|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|uae|
united kingdom|uk|britain|great britain|england|scotland|wales|northern ireland|united states|
united states of america|us|usa|america|uruguay|uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|
zimbabwe|korea|tibet|hong kong|macau|greenland|puerto rico|gaza|west bank|crimea|chechnya|kashmir|kurdistan|
europe|asia|africa|north america|south america|latin america|middle east|far east|east asia|south asia|
southeast asia|central asia|scandinavia|balkans|caribbean|arctic|antarctica|pacific|atlantic|mediterranean|
gulf|persian gulf|sahara|siberia|korean peninsula|dmz|
kabul|tirana|algiers|buenos aires|canberra|vienna|baku|dhaka|minsk|brussels|sofia|ottawa|santiago|beijing|
bogota|havana|nicosia|prague|copenhagen|cairo|tallinn|addis ababa|helsinki|paris|tbilisi|berlin|accra|athens|
budapest|reykjavik|new delhi|delhi|jakarta|tehran|baghdad|dublin|jerusalem|tel aviv|rome|tokyo|amman|
nairobi|pristina|riga|beirut|tripoli|vilnius|kuala lumpur|valletta|mexico city|chisinau|rabat|kathmandu|
amsterdam|the hague|wellington|abuja|lagos|pyongyang|oslo|muscat|islamabad|karachi|lahore|lima|manila|
warsaw|lisbon|doha|bucharest|moscow|kigali|riyadh|jeddah|mecca|dakar|belgrade|freetown|bratislava|
ljubljana|mogadishu|pretoria|johannesburg|cape town|seoul|busan|madrid|barcelona|colombo|khartoum|
stockholm|bern|geneva|zurich|damascus|aleppo|taipei|bangkok|tunis|ankara|istanbul|kampala|kiev|kyiv|
abu dhabi|dubai|london|washington|caracas|hanoi|ho chi minh city|sanaa|harare|phnom penh|yangon|ulan bator|
ulaanbaatar|kinshasa|luanda|maputo|montevideo|asuncion|quito|la paz|brasilia|rio de janeiro|sao paulo|
shanghai|hong kong|guangzhou|shenzhen|wuhan|chongqing|mumbai|bombay|kolkata|chennai|bangalore|hyderabad|
osaka|kyoto|sydney|melbourne|perth|brisbane|auckland|toronto|montreal|vancouver|new york|new york city|
los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san francisco|seattle|boston|
miami|atlanta|detroit|denver|las vegas|baltimore|new orleans|silicon valley|hollywood|wall street|
manchester|liverpool|birmingham|leeds|glasgow|edinburgh|cardiff|belfast|bristol|sheffield|newcastle|
nottingham|leicester|southampton|oxford|cambridge|munich|frankfurt|hamburg|cologne|milan|naples|turin|
florence|venice|lyon|marseille|nice|monte carlo|st petersburg|vladivostok|panmunjom|panmunjeom|kaesong|
okinawa|hawaii|guam|alaska|
alabama|arizona|arkansas|california|colorado|connecticut|delaware|florida|idaho|illinois|indiana|iowa|
kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|
nebraska|nevada|new hampshire|new jersey|new mexico|north carolina|north dakota|ohio|oklahoma|oregon|
pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|
west virginia|wisconsin|wyoming|washington dc|washington d c|
bavaria|catalonia|quebec|ontario|british columbia|alberta|queensland|new south wales|victoria|tasmania|
punjab|bengal|xinjiang|guangdong|sichuan|hokkaido|kurdistan|darfur|donbas|sinai|golan heights|
`);

/** Every word of a place name ("north", "korea", "new", "york"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set([...PLACES].flatMap((p) => p.split(' ')));

/** Different names of one place or body: key → canonical key. */
export const ALIASES: ReadonlyMap<string, string> = new Map([
  ['us', 'united states'], ['usa', 'united states'], ['america', 'united states'],
  ['united states of america', 'united states'],
  ['uk', 'united kingdom'], ['britain', 'united kingdom'], ['great britain', 'united kingdom'],
  ['un', 'united nations'], ['eu', 'european union'], ['uae', 'united arab emirates'],
  ['dprk', 'north korea'], ['rok', 'south korea'], ['burma', 'myanmar'], ['holland', 'netherlands'],
  ['kiev', 'kyiv'], ['bombay', 'mumbai'], ['panmunjeom', 'panmunjom'], ['czechia', 'czech republic'],
  ['new york city', 'new york'], ['washington dc', 'washington'], ['washington d c', 'washington'],
  ['ulan bator', 'ulaanbaatar'], ['nato', 'north atlantic treaty organization'],
  // Parties' other names, as British copy writes them ("the Tories" for "the Conservatives").
  ['tories', 'conservatives'], ['tory', 'conservative'], ['tory party', 'conservative party'], ['lib dems', 'liberal democrats'], ['lib dem', 'liberal democrat'],
]);

/** Adjectives of nationality or region: part of roles ("Chinese Vice Foreign Minister"), never a name alone. */
export const DEMONYMS = words(`
american british english scottish welsh irish french german italian spanish portuguese dutch belgian swiss
austrian swedish norwegian danish finnish icelandic polish czech slovak hungarian romanian bulgarian greek
turkish russian ukrainian belarusian serbian croatian bosnian albanian georgian armenian chinese japanese
korean taiwanese vietnamese thai cambodian burmese indonesian malaysian filipino singaporean indian
pakistani afghan bangladeshi nepalese iranian iraqi syrian lebanese israeli palestinian jordanian saudi
egyptian libyan tunisian algerian moroccan sudanese ethiopian somali kenyan nigerian ghanaian african
south-african zimbabwean canadian mexican cuban brazilian argentine argentinian chilean colombian
venezuelan peruvian australian kiwi european asian arab arabic latin western eastern northern southern
soviet communist democratic republican democrat yemeni qatari emirati kuwaiti bahraini
omani kurdish catalan basque hispanic jewish muslim christian catholic protestant sunni shia shiite
scandinavian baltic caribbean pacific atlantic olympic inter-korean transatlantic
`);
/** Two-word demonyms ("North Korean"). */
export const DEMONYM_PHRASES = phrases(`north korean|south korean|new zealand|south african|saudi arabian|
latin american|middle eastern|north american|south american|east asian|southeast asian|sri lankan|
hong kong|northern irish|us|u s|uk|eu|un`);

/** Last words that make a run an organisation. */
export const ORG_SUFFIXES = words(`
nations associates council ministry department party foundation university inc ltd llc plc fc afc united times news agency bank
committee commission corporation corp group association institute institution office service services
organisation organization union federation league club company co airlines airways motors fund court
parliament assembly congress senate house post journal board authority police army navy forces force guard
network networks studios records pictures telecom holdings partners capital bureau administration academy
school college hospital church museum trust society alliance coalition movement government cabinet
tobacco oil energy foods pharmaceuticals electronics industries technologies
secretariat tribunal rovers wanderers athletic albion hotspur rangers celtic city county electric
systems technologies technology industries international enterprises media press broadcasting tv radio
channel magazine gazette herald telegraph guardian observer tribune daily weekly review reuters
bancorp securities insurance energy oil petroleum pharmaceuticals pharma labs laboratories
software microsystems communications entertainment commission centre center program programme
initiative project institute mission embassy consulate command corps brigade battalion regiment
inc. ltd. corp. co. bros bros. sa ag gmbh nv bv spa
orchestra choir ensemble quartet theatre theater hotel cinema gallery library laboratory
democrats republicans dems dem tories conservatives socialists greens nationalists unionists liberals
market markets exchange unit lines investments consortium
`);
/** Last words of sports clubs that may also be a surname: only after a word that is not a given name. */
export const CLUB_SUFFIXES = words(`wednesday villa palace argyle orient hearts hibernian wolves saints thistle
  academical harriers rfc rlfc cf sc bc ac hc`);
/** First words of sports clubs ("Olympique …", "Real …", "Dynamo …"). */
export const CLUB_PREFIXES = words(`fc afc ac as sc sv cf cd ud rc ssc vfb vfl tsv olympique olympiakos olympiacos real
  sporting dynamo dinamo atletico athletic racing inter borussia club deportivo`);
/** Words naming a venue: a run with one of them is a place ("… Stadium", "Stade …", "… Arena"). */
export const VENUE_WORDS = words(`stadium stadio stade estadio arena velodrome racecourse raceway speedway circuit
  ballpark coliseum colosseum amphitheatre`);
/** First words that make a run an organisation ("Bank of England", "University of Oxford"). */
export const ORG_PREFIXES = words(`bank university ministry department institute museum college church court house board office
  foundation council committee association society federation league union organisation organization academy school
  commission agency bureau party friends order fund centre center`);

/** Last words that make a run a place. */
export const PLACE_SUFFIXES = words(`
peninsula sea river island islands mountains mountain valley strait straits gulf ocean province county state
district region street avenue square road bridge lake bay coast desert plateau heights hills park airport
port harbour harbor canal basin delta village town borough capital territory territories prefecture
`);

/** Capitalised or lower-case event nouns: "the Korean War", "the Singapore summit". */
export const EVENT_SUFFIXES = words(`
war wars games cup olympics olympiad championship championships open summit grand prix revolution crisis
conference festival awards election elections referendum marathon trophy series expo uprising massacre
invasion attack attacks bombing bombings scandal treaty accord accords agreement talks tournament final
finals derby world-cup tour rally protest protests resolution test tests negotiations meeting
slam bowl masters classic prize prizes award medal plan act doctrine inquiry
contest show
`);

/** Titles and role heads written before a name ("Gen.", "Minister", "President"). Lower case keys. */
export const ROLE_HEADS = words(`
president vice-president president-elect minister secretary secretary-general representative ambassador envoy
chancellor senator governor mayor chairman chairwoman chairperson chair director director-general judge
justice king queen prince princess pope coach manager captain leader spokesman spokeswoman spokesperson
commissioner counselor counsellor adviser advisor attorney attorney-general speaker premier gen general lt
col maj capt adm sgt admiral colonel lieutenant commander marshal sheikh emir sultan sir lord lady dame
baroness baron dr prof professor rev reverend bishop archbishop cardinal rabbi imam officer inspector
detective constable sen rep gov pres supt chief executive ceo cfo coo head editor correspondent economist
analyst emperor tsar czar ayatollah treasurer delegate congressman congresswoman mp mep councillor
magistrate prosecutor solicitor taoiseach chief-executive boss founder chairmanship dean rector principal
superintendent sergeant corporal private major brigadier field-marshal crown-prince leader-elect
mr mrs ms miss mme messrs
`);
/** Words that may sit inside a title before the head ("Vice Foreign Minister", "Secretary of State"). */
export const ROLE_MODIFIERS = words(`
vice deputy foreign special first second third senior acting former defense defence home finance trade
interior health culture education economy economic energy environment state assistant associate executive
chief under general principal permanent supreme grand high shadow majority minority federal national
prime crown labor transport industry agriculture science security intelligence army navy air military
police fire joint staff managing political news sports business technology team club party opposition
lead top co interim caretaker regional provincial
of for the to and
`);
/** Lower-case role nouns that mark a person when written next to a name ("leader Kim", "Town, editor"). */
export const ROLE_NOUNS = words(`
leader president minister secretary envoy ambassador spokesman spokeswoman spokesperson editor analyst
director chairman chairwoman chair chief executive head official adviser advisor counselor counsellor
diplomat professor researcher fellow expert economist manager coach boss striker midfielder defender
goalkeeper keeper winger forward player captain founder owner chancellor governor senator lawmaker mp mayor
judge lawyer attorney correspondent reporter commander general officer representative member candidate
negotiator counterpart deputy ceo strategist scholar author writer singer actor actress star producer
champion medallist medalist winner director-general secretary-general president-elect premier king queen
prince princess journalist columnist historian scientist activist campaigner critic commentator host
presenter anchor singer-songwriter rapper musician guitarist drummer novelist playwright chef designer
model investor entrepreneur billionaire banker trader chairperson commissioner inspector detective
prosecutor spokesperson colonel lieutenant admiral marshal general sergeant soldier veteran father mother
wife husband son daughter brother sister counsel aide pundit treasurer
`);
/** Honorifics: mark a person but are not worth keeping as a role. */
export const HONORIFICS = words('mr mrs ms miss mme messrs sir dame');

/** Words that end a name run when sentence-initial (and are never a name start). */
export const COMMON_CAPS = words(`
a an the this that these those there then than their they them he she it its his her him we us our you your
i me my mine who whom whose which what when where why how whether while whilst after before during despite
although though because since unless until if as at by for from in into of on onto over under with within
without about above across against along among around behind below beneath beside besides between beyond
but and or nor so yet also however meanwhile moreover furthermore nevertheless nonetheless instead indeed
earlier later previously recently currently finally first firstly second secondly third lastly next last
now today tomorrow yesterday tonight still even only just already again once twice perhaps maybe probably
certainly clearly obviously officially overall initially eventually ultimately fortunately unfortunately
similarly likewise otherwise therefore thus hence accordingly consequently elsewhere here all any both each
every few many more most much no none not nothing one other others several some such two three four five
six seven eight nine ten hundreds thousands millions dozens is are was were be been being has have had do
does did will would shall should can could may might must let lets let's please yes no ok okay oh well
asked speaking talking according following including given regarding concerning asked instead rather
while amid amidst toward towards upon via per like unlike except beyond throughout across although
analysts officials experts critics sources reports many most some several according unfortunately
in-depth breaking update updated exclusive watch read photo video editing reporting writing additional
new old big small top high low good bad best worst great major minor key full early late long short
own same different former future past recent latest last sunday's such whatever whoever whichever
everyone everybody someone somebody anyone anybody nobody something anything everything
another either neither less least fewer plus minus total
ever never always often sometimes soon almost nearly rarely seldom usually
`);

export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun');
export const MONTHS = words(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec`);

/** Common given names: a run starting with one is a person. */
export const FIRST_NAMES = words(`
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
donald steven stephen paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan larry justin scott brandon benjamin samuel gregory alexander frank patrick
raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy
harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan
billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis
bobby philip phil johnny tony tom tim jim bill bob mike dave steve chris nick ben sam alex andy rob dan matt
ian neil gordon colin graham nigel simon martin alastair alistair hugh rupert oliver harry jamie ross craig
gareth rhys dylan owen gavin lee wayne ashley jermaine frank thierry jose arsene alex rafael roger serena
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra
ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra
rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn
sara janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa
sophia marie diana brittany natalie isabella charlotte rose alexis kayla jenny jane kate lucy sophie claire
hillary theresa angela nicola tessa harriet ruth yvette caroline gillian fiona alison paula
vladimir sergei sergey dmitry mikhail boris igor viktor ivan alexei nikolai yuri oleg andrei
xi li wang zhang liu chen yang huang zhao wu zhou
mohammed muhammad mohamed ahmed ali hassan hussein omar abdul abdullah ibrahim yusuf khalid mahmoud recep
bashar hosni hamid ashraf imran nawaz benazir narendra manmohan rahul sonia indira rajiv
jean pierre jacques francois nicolas emmanuel marine angela gerhard helmut olaf wolfgang hans klaus jurgen
giuseppe silvio matteo mario giorgia pedro carlos luis jorge juan manuel miguel javier antonio francisco
luiz lula hugo fidel raul evo dilma jair gustavo
shinzo yoshihide fumio junichiro naoto taro hiroshi kenji akira
moon park lee kim roh yoon
guy grant dean drew chase earl rich hope faith joy pat sue will ray rod jade ruby pearl lily iris violet
hazel holly ivy dawn carol victor wade miles max gene clay cliff glen lance mason penny reed rusty sandy
sterling warren graeme liam jonny ricky darren
`);
