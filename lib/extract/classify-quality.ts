import type { Constraint, QualityAttribute } from "./types.js";

/**
 * Cue patterns per quality attribute, with weights. Grounded in reading PROMISE NFR projects 1-10
 * and the other corpora; PROMISE projects 11-15 were never read while writing these and are the
 * held-out split the benchmark reports on.
 */
const CUES: Record<QualityAttribute, [RegExp, number][]> = {
  availability: [
    [/\b(?:operational (?:hours|time)|hours of operation|(?:am|pm) to \d|\d\s*(?:am|pm)\b|mean time between failures|mtbf)\b/i, 2],
    [/\bavailab(?:le|ility)\b.{0,40}\b(?:24|hours?|days?|times?|%|percent|week|year|basis|schedule)/i, 3],
    [/\b(?:24\s*(?:\/|x)\s*7|24x7|24 hours (?:a|per) day|365 days)/i, 3],
    [/\b(?:up\s?time|downtime|outages?)\b/i, 3],
    [/\bavailab(?:le|ility)\b/i, 1],
    [/\b(?:business|office|working) hours\b/i, 1],
    [/\bmaintenance windows?\b/i, 1],
  ],
  "fault-tolerance": [
    [/\b(?:previously downloaded|without (?:an )?(?:internet )?connection|connection (?:is )?(?:lost|unavailable)|data loss|lose (?:any )?data)\b/i, 2],
    [/\b(?:fault[- ]toleran\w*|failover|fail[- ]over|redundan\w*|graceful(?:ly)? degrad\w*)/i, 3],
    [/\b(?:continue to (?:operate|function|work)|remain operational|offline mode|recover(?:y|s)?|restored?|back online)\b/i, 2],
    [/\b(?:in the event of (?:a )?failure|goes down|is unavailable|crash\w*|failure\w*|backups?|backed up)\b/i, 1.5],
    [/\b(?:exception log|retry|retries)\b/i, 1],
  ],
  legal: [
    [/\b(?:audit trail|history of (?:every|all|each) (?:action|change)|case history|accounting standards|independent audit|certified auditor|recorded in the (?:\w+ )?history)\b/i, 3],
    [/\b(?:comply|complies|compliance|compliant|conform\w*)\b.{0,60}\b(?:law|laws|legal|regulations?|act|standards?|policy|polic(?:y|ies)|requirements|guidelines|hipaa|gdpr|sox|sarbanes|pci|ada|w3c|pear|licen[cs]\w*)/i, 3],
    [/\b(?:legal\w*|laws?|regulat\w*|statut\w*|licen[cs]\w*|copyright\w*|sarbanes|hipaa|gdpr|ferpa|pci|royalt\w*|audit trail|liabilit\w*|juris\w*|attorney|court|contract\w*)\b/i, 2],
    [/\b(?:audit|history of every action|records? (?:shall|must) be (?:kept|retained))\b/i, 1],
    [/\b(?:retain\w*|retention)\b.{0,40}\b(?:years?|months?)\b/i, 2],
  ],
  "look-and-feel": [
    [/\b(?:styles?|formatt?(?:ed|ing)?|consistent (?:look|style|format|layout)|graphical|page layout|screen layout|visual design|branded|corporate (?:colou?rs?|identity|image))\b/i, 2],
    [/\b(?:design (?:should|shall|must|will) be|modern|clean|concise|offensive|sounds?|periscope|vibrant|bright|colou?r[- ]cod\w*|look\w* like)\b/i, 2],
    [/\b(?:look and feel|look & feel|appearance|colou?rs?|colou?r schemes?|fonts?|logo|branding|aesthetic\w*|attractive|professional(?:ly)? (?:look|appear)|visual(?:ly)?|style guide|theme|animation|layout|icons?)\b/i, 3],
    [/\b(?:user interface|ui|gui|screens?|menus?|buttons?|look|feel|appear\w*|display(?:ed)? in|shall be (?:displayed|shown) (?:in|as|with)|graphic\w*|images?|pictures?|font size|bold|highlight\w*|color[- ]coded)\b/i, 1],
    [/\b(?:interface standards|ui standards|interface guidelines|interface creation)\b/i, 2],
  ],
  maintainability: [
    [/\b(?:modifi(?:ed|cation|able)|source code|coding standards?|documentation|unit tests?|testab\w*|tested|debug\w*|diagnos\w*|reusab\w*|analysab\w*|programmers?|developers? (?:shall|must|will|should) be able|new versions?|future (?:changes|releases|versions|enhancements)|backwards? compatib\w*|maintained)\b/i, 2],
    [/\b(?:maintainab\w*|maintenance|maintain(?:ed)? by|modifiab\w*|modular\w*|extensib\w*|design patterns?|coding (?:best practices|standards)|code (?:quality|review|coverage)|refactor\w*|documented|well[- ]documented|readab\w*|upgrad\w*|updates? to the (?:website|system|product))\b/i, 3],
    [/\b(?:configur(?:able|ation)|updat(?:e|ed|ing)|change[sd]? (?:to|in)|new (?:functionality|features?|releases?)|releases?|version(?:s|ing)?|patch\w*|integrate new|easily (?:add|modif|chang|integrat|updat))\b/i, 1],
  ],
  operational: [
    [/\b(?:interface (?:with|to)|distribution|packaged|zip file|office environments?|operating conditions|dirty|noisy|fully operational|encoded|support center|third[- ]party|msn tv\w*|operate[ds]? in|operated in|middleware|installations?)\b/i, 3],
    [/\b(?:interface (?:with|to)|integrate[sd]? with|integration with|compatib\w*|operating systems?|windows|linux|unix|mac ?os|browsers?|internet explorer|firefox|netscape|chrome|safari|database management systems?|dbms|server technology|web server|hardware|environment|platform|j2ee|j2se|\.net|java|php|oracle|sql server|mysql|xml|api)\b/i, 2],
    [/\b(?:install\w*|deploy\w*|distribut\w*|operat(?:e|es|ing|ion|ional)|runs? on|shall be used|third[- ]party|licenses?|support(?:s|ed)? (?:internet|ie|the browser|browsers)|handheld|smart device|pda|mobile device|wireless|network|connection|printer|cd|zip file|binary)\b/i, 1],
  ],
  performance: [
    [/\b(?:acceptable (?:time|speed|period)|time period|no later(?: than)?\s+\d+|(?:longer|faster|shorter) than \d+|every (?:hour|day|minute|second|night|week)|hourly|nightly|within (?:a|one) (?:second|minute))\b/i, 3],
    [/\b(?:response times?|respon(?:d|se) (?:within|in)|latency|throughput|fast(?:er)?|quick(?:ly)?|speed|performance|real[- ]time|timely|delay|lag|buffering|load(?:ing)? time|acceptable time|promptly|efficien\w*)\b/i, 3],
    [/\b(?:within|in under|under|less than|no (?:more|longer) than|maximum of|every)\s+(?:\d+|one|two|three|five|ten|a few)\s*(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?)\b/i, 3],
    [/\b(?:per (?:second|minute|hour)|simultaneous(?:ly)?|at the same time|concurrent(?:ly)?)\b/i, 1.5],
    [/\b(?:seconds?|minutes?|milliseconds?|ms)\b/i, 1],
  ],
  portability: [
    [/\b(?:platforms|operating systems|devices|browsers)\b.{0,30}\b(?:such as|including|like|both|all|any|multiple|various)\b/i, 2],
    [/\b(?:portab\w*|port(?:ed)? to|cross[- ]platform|platform[- ]independen\w*|any (?:platform|operating system|device|browser)|(?:run|operate)s? on (?:both|multiple|any|various|windows|linux|mac|palm|windows ce))\b/i, 3],
    [/\b(?:windows ce|palm|ios|android|mobile devices?|multiple (?:platforms|devices|browsers))\b/i, 1],
  ],
  scalability: [
    [/\b(?:expand\w*|increas\w* (?:number|volume|load)|growing|large (?:number|volume)s?|additional (?:users|servers|capacity))\b/i, 2],
    [/\b(?:scal(?:able|ability|e up|e out)|simultaneous users|concurrent (?:users|requests|sessions)|number of users|users at (?:a|the same) time|grow(?:th)?|increase (?:to|by)|capacity|volume|handle (?:up to|all|the|a large))\b/i, 3],
    [/\b(?:\d[\d ,]*\s+(?:simultaneous|concurrent)|large number of|multiple (?:remote )?users|records per day|transactions per (?:hour|day)|for (?:the next|a minimum of) \d+ years)\b/i, 2],
    [/\b(?:handle|handling|support|cater|accommodate)\b/i, 0.5],
  ],
  security: [
    [/\b(?:only\s+(?:[a-z]+\s+){0,4}?(?:users?|people|persons|personnel|administrators?|admins?|staff|members|employees|customers|managers|[a-z]+ers|[a-z]+ors)\s+(?:with\s+(?:[a-z]+\s+){1,3})?(?:can|shall|may|will|must|are|is|have)\b|(?:are|is) the only (?:people|persons|users|ones)|data integrity|integrity of|user report|access to (?:the )?(?:\w+\s+){0,3}(?:data|information|details|records|files|database|system))/i, 3],
    [/\b(?:secur\w*|authori[sz]\w*|authenticat\w*|unauthori[sz]\w*|encrypt\w*|decrypt\w*|passwords?|log ?(?:in|on)s?|login|credentials?|privacy|private|confidential\w*|malicious|virus\w*|threats?|attacks?|hack\w*|firewall|ssl|tls|https|permissions?|access (?:rights|levels?|control)|privileges?|tamper\w*|intrusion|breach\w*|sensitive|protect\w*|personal information|identity)\b/i, 3],
    [/\b(?:only (?:authori[sz]ed|registered|the|users|adjusters|managers|administrators|company|valid)|(?:shall|must|will) not (?:be able to )?(?:view|access|see)|access to|roles?|restrict\w*|prevent\w*|verify|audit\w*|integrity|corrupt\w*|user ids?|logons?|accounts? (?:is|are) (?:revoked|locked)|revoked?|lock\w*)\b/i, 1.5],
  ],
  usability: [
    [/\b(?:user manuals?|tutorials?|online help|error messages? (?:shall|must|should|will) be (?:clear|understandable|meaningful)|easy|learn\w*|understand\w*)\b/i, 1.5],
    [/\b(?:(?:use|using|operate) the (?:system|product|website|application)|standard (?:internet )?conventions|mistakes|errors? (?:made )?by (?:the )?users|productivity|understand (?:english|spanish|french))\b/i, 2],
    [/\b(?:usab\w*|user[- ]friendly|easy to (?:use|learn|understand|navigate)|ease of use|easily|intuitiv\w*|self[- ]explanatory|learn(?:ed|able|ability)?|training|untrained|novice|instructions|help (?:section|system|site|feature)|user help|feedback|satisf(?:ied|action)|survey\w*|understandab\w*|readable|navigat\w*|clicks?|accessib\w*|disabilit\w*|language|terminology|verbiage|english|spanish|understood)\b/i, 3],
    [/\b(?:\d+\s*(?:\\)?%\s+of (?:the )?(?:users|viewers|customers|realtors|participants|respondents|people|employees))\b/i, 2],
    [/\b(?:customi[sz]\w*|preferences?|consistent|convenient|simple|simplicity|friendly|comfortable|efficiently)\b/i, 1],
  ],
};

const ATTRIBUTES = Object.keys(CUES).sort() as QualityAttribute[];

/** Verbs that, as the response of "shall", describe behaviour rather than a quality. */
const BEHAVIOUR = /\b(?:shall|must|will|should|can|may)\s+(?:be able to\s+|also\s+|only\s+|automatically\s+|not\s+)?(?:allow|let|display|show|send|notify|create|add|delete|remove|update|edit|modify|record|store|save|generate|calculate|compute|print|search|select|list|view|enter|assign|schedule|reserve|book|cancel|email|mail|track|log|validate|verify|check|prompt|provide|maintain|retrieve|import|export|upload|download|submit|request|approve|reject|indicate|link|sort|filter|report|accept|process|return|change|set|mark|require|include|contain|identify|determine|compare|produce|issue|play|move|place|position|keep|hold|receive|specify|transfer|apply|alert)\b/i;

/** A response that only states a property: "shall be intuitive", "should be modern". */
const COPULA = /\b(?:shall|must|should|will)\s+(?:not\s+)?(?:be|remain|appear|look|feel)\s+(?:(?:very|highly|fully|easily|more|less|fairly)\s+)?(?!able\b|capable\b)(?:[a-z]+(?:ive|ble|ent|ant|ful|less|ous|al|ic|ary|ory|ure|ern|ean|ise|ize|ar|ly)\b|easy|fast|quick|safe|secure|clean|simple|clear|modern|friendly|available|accessible|operational)/i;

interface CueReading {
  scores: Readonly<Record<QualityAttribute, number>>;
  behaviour: boolean;
  /** "shall be <adjective>" states a property, not behaviour. */
  copula: boolean;
}

// Memo of cue readings by exact statement text: ~40 case-insensitive patterns per statement are
// most of the classifier's time, the reading depends on the text alone, and boilerplate sentences
// repeat. Bounded, and invisible in the output.
const cueMemo = new Map<string, CueReading>();

function readCues(text: string): CueReading {
  const hit = cueMemo.get(text);
  if (hit) return hit;
  const clean = text.replace(/\\%/g, "%");
  const scores = {} as Record<QualityAttribute, number>;
  for (const a of ATTRIBUTES) {
    let s = 0;
    for (const [re, w] of CUES[a]) if (re.test(clean)) s += w;
    scores[a] = s;
  }
  const reading = { scores, behaviour: BEHAVIOUR.test(clean), copula: COPULA.test(clean) };
  if (cueMemo.size >= 20_000) cueMemo.clear();
  cueMemo.set(text, reading);
  return reading;
}

export interface QualityReading {
  functional: boolean;
  qualities: QualityAttribute[];
  /** Per-attribute scores, for the benchmark's argmax class. */
  scores: Record<QualityAttribute, number>;
}

/**
 * Classifies a statement as functional (PROMISE class F) or not, and names the quality
 * attributes it speaks to, from cue patterns plus the constraints already found in it.
 * `behaviour` says the statement's form already makes it behaviour (a user story, a scenario).
 */
export function classifyQuality(text: string, constraints: readonly Constraint[], options: { behaviour?: boolean } = {}): QualityReading {
  const cues = readCues(text);
  const scores = { ...cues.scores };
  for (const c of constraints) scores[c.attribute] += 2;
  const best = Math.max(...ATTRIBUTES.map((a) => scores[a]));
  const { behaviour, copula } = cues;
  // Stories and scenarios describe behaviour by their form: only strong cues make them NFRs.
  const threshold = options.behaviour ? 4 : behaviour && !copula ? 3 : 2;
  const qualities = ATTRIBUTES.filter((a) => scores[a] >= threshold && scores[a] >= best - 1).sort((x, y) => scores[y] - scores[x] || (x < y ? -1 : 1));
  return { functional: qualities.length === 0, qualities, scores };
}
