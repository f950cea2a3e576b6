// Was a treatment given? A mention is `given` (received, started, on, completed, s/p, in a
// medication list or infusion record), `planned` (plan to start, will proceed with,
// recommend — counted, since a firm plan in these records is the treatment that followed),
// `hedged` (pending insurance or authorization, if, consider: counted only when another
// record shows it given) or `excluded`: options for later, declined, not needed or not
// indicated, picked over by another drug, a trial listing, a relative's or an earlier
// different cancer's treatment, teaching text. Items of a list an options lead-in opens
// ("Alternatives: X; Y") and one of two drugs joined by "or" are hedged: not yet given.
// So are a name with a condition right after it ("radiation if pain progresses") and a
// verbless, doseless clause continuing a sentence that talked about options.
import type { Zone } from '../biomarkers/zones.ts';
import { isOtherCancerClause } from '../biomarkers/other-cancer.ts';

export type Status = 'given' | 'planned' | 'hedged' | 'excluded';

const FAMILY = /\b(?:mother|father|sister|brother|siblings?|aunt|uncle|cousin|grand(?:mother|father|parent)s?|daughter|son|niece|nephew|relatives?|family\s+history|maternal|paternal|parents?)\b/i;
// a negation a few words before the name ("no prior chemotherapy or osimertinib", "not a candidate for surgery")
const NEGATED_BEFORE = /\b(?:no\s+(?:prior|previous|history\s+of)?|never\s+(?:received|had|started|underwent)?|without|denies|declined|declines|refused|refuses|deferred|defer|contraindicat\w*(?:\s+(?:to|for))?|ineligible\s+for|not\s+(?:a\s+)?(?:candidate|eligible|suitable|fit)(?:\s+for)?|unable\s+to\s+(?:receive|tolerate|undergo|get)|did\s+not\s+(?:receive|start|undergo|get)|(?:does|do)\s+not\s+have(?:\s+a)?(?:\s+history\s+of)?(?:\s+any)?|(?:has|have)\s+not\s+(?:had|received)|had\s+no|was\s+not\s+(?:started|given|offered)(?:\s+on)?|instead\s+of|rather\s+than|in\s+lieu\s+of|avoid\w*|hold\s+off(?:\s+on)?|neither|nor|not\s+(?:interested|keen|willing)\s+(?:in|on|to\s+\w+)|(?:does|did|do)\s+not\s+(?:want|wish)(?:\s+to\s+\w+)?|prefers?\s+not\s+to\s+\w+|(?:chosen|selected|preferred|favou?red|picked)\s+over)\s+(?:[\w/+,()-]+\s+){0,6}$/i;
const NOT_NEGATION = /\b(?:no|without)\s+(?:new|further|evidence|significant|acute|progression|recurrence|complications?|disease|issues|problems|interruption)\b/i;
// "radiotherapy: not indicated", "radiotherapy no longer needed", "durvalumab was weighed but not commenced"; not "pembrolizumab dose change not needed"
const NOT_WANTED_AFTER = /^([^.;]{0,50}?)\b(?:(?:is|was|were|are)\s+)?(?:not|no\s+longer)\s+(?:needed|necessary|required|indicated|warranted|favou?red|appropriate|advised|commenced|initiated|begun|pursued|used|applicable)\b/i;
const OTHER_SUBJECT = /\b(?:dose|dosing|adjustments?|reductions?|modifications?|changes?|delays?|holds?|interruptions?|premedicat\w*|labs?|monitoring|scans?|imaging|MRI|CT|PET|biopsy|further|additional|other)\b/i;
const NEGATED_AFTER = /^[^.;]{0,50}\b(?:declined|refused|deferred|not\s+(?:(?:yet\s+)?been\s+)?(?:given|started|starting|pursued|administered|offered|tolerated\s+and\s+never)|was\s+not|were\s+not|cancell?ed|contraindicated|not\s+recommended)\b|^\s*[:=-]?\s*(?:not\s+answered|none|no\b|n\/a|not\s+applicable|unknown|not\s+done)/i;
// options for later, listings and teaching text: never a treatment given
const OPTION = /\b(?:options?|alternatives?|would\s+include|could\s+(?:include|be|receive|start)|may\s+(?:benefit|be\s+(?:offered|an?\s+option))|(?:at|upon|with|after)\s+(?:the\s+time\s+of\s+)?(?:further\s+)?progression|in\s+the\s+event|reserved\s+for|(?:held|kept)\s+in\s+reserve|versus|vs\.?|either|clinical\s+trials?|trials?\s+(?:that|of|have|using)|phase\s+(?:I{1,3}|[123])\b|NCT\s?\d+|study\s+drug|investigational|education|educated|information\s+(?:on|about)|risks\s+and\s+benefits|side\s+effects\s+of|FDA[- ]approved|approved\s+(?:for|in)|NCCN|guidelines?|indicated\s+for|future|associated\s+with|response\s+rates?|published|studies|data\s+(?:suggest|show|pertain)|have\s+been\s+shown|exposure\s+to|exposed\s+to|companion\s+diagnostics?|labell?ing)\b/i;
// talked about, not yet decided: counted only if another record shows it given
const WEAK_OPTION = /\b(?:would\s+(?:likely\s+|probably\s+)?(?:use|give|offer|recommend|favou?r|choose|be)|likely\s+(?:use|give|offer)|consider(?:ed|ing|ation)?|discuss(?:ed|ion|ing)?|offered|candidate\s+for|candidacy|eligible\s+for|eligibility|could\s+consider|may\s+consider|(?:we|I)\s+(?:also\s+)?(?:reviewed|went\s+(?:over|through)|talked\s+(?:about|through)|explained|described)|counsel+ed)\b/i;
const TRIAL_GIVEN = /\b(?:enrolled|randomi[sz]ed|on\s+study|receiving\s+study)\b/i;
const PLANNED = /\b(?:plan(?:s|ned)?\b|planning|will\s+(?:proceed|start|begin|receive|initiate|undergo|plan)|to\s+(?:start|begin|initiate|receive|undergo)|recommend(?:s|ed|ation|ations)?|scheduled|proposed|intend\w*|would\s+(?:start|proceed|begin)|referr(?:ed|al)\s+(?:for|to)|simulation|prior\s+authori[sz]ation|requesting\s+authori[sz]ation|medical\s+necessity|awaiting|pending)\b/i;
const HEDGE = /\b(?:pending|authori[sz]ation|insurance|approval|awaiting|if\b|consider|options?|may\b|might|could|possibl\w*|versus|vs\.?|either|depending|contingent|once\b|after\s+(?:the\s+)?(?:results|NGS|biomarkers?|molecular)|when\s+(?:the\s+)?(?:results|NGS)\s+(?:return|are\s+back)|medical\s+necessity|candidate)\b/i;
// "given the EGFR mutation", "given her age" is a reason, not a dose given
const GIVEN = /\b(?:started|starting\s+(?:on|with)|initiated|began|begun|received|receiving|completed|given(?!\s+(?:the|his|her|their|its|this|that|these|those|a|an|concerns?|risks?|poor|limited|low|high|ongoing|frailty|comorbid\w*)\b)|administered|infused|currently\s+on|remains?\s+on|continues?|continued|continuing|resumed|tolerat\w*|s\/p|status\s+post|underwent|undergone|treated\s+with|was\s+treated|since|C\d{1,2}\s?D\d{1,2}|cycle\s+\d+\s+(?:of\s+)?[a-z]|day\s+\d+\s+of|on\s+(?:treatment|therapy)\s+with|progressed\s+on|progression\s+on|after\s+\d+\s+cycles|x\s?\d+\s+cycles?\s+(?:completed|given))\b/i;

// a list opened earlier in the sentence ("Alternatives if intolerance: X; Y"): its items are options too
const LIST_LEAD_IN = /\b(?:options?|alternatives?|choices?|possibilities|(?:second|third|later|next|subsequent)[- ]line|(?:at|upon|on|with)\s+progression|if\s+\w+|in\s+the\s+future|future|discuss\w*|reviewed|went\s+(?:over|through)|offered|to\s+consider)\b[^:.]{0,60}:/i;

// "palliative radiation if pain progresses": a condition right after the name, before any dose
const CONDITION_AFTER = /^[^.;\d]{0,40}?\b(?:if|unless|should|in\s+case\s+of|in\s+the\s+event)\b/i;
// an earlier clause of the sentence talked about options ("X would be the next option; Y was
// another choice", "X and Y were discussed; Z less CNS-active"); a later clause without a
// dose or a verb of its own ("start", "continue", a plan) is more of the same talk
const TALK_LEAD = new RegExp(`${OPTION.source}|${WEAK_OPTION.source}`, 'i');
const OWN_WORD = /\d|\b(?:mg|AUC|daily|weekly|BID|TID|q\d+w?|cycles?|doses?|start\w*|begin|began|continu\w*|resum\w*|add(?:ed)?|switch\w*|chang\w*|proceed\w*|give|use|initiat\w*|administ\w*|will|plan\w*|recommend\w*|schedul\w*|prescri\w*)\b/i;

export interface StatusContext {
  /** the sentence before the clause, within the statement */
  lead?: string;
  /** the name is one of two joined by "or": a choice, not yet a treatment */
  choice?: boolean;
  /** where a later item's own phrase starts in the clause: its talk, offers and refusals are not this name's */
  scopeEnd?: number;
}

// "palliative RT 20 Gy/5 fx 6/2025 and WBRT was offered but she declined": once a name has its
// own detail (a dose, a date, a given word) and a new phrase opens ("and", "but", a comma),
// the next item's words are its own. "Carboplatin and pemetrexed were discussed" still share.
const PHRASE_DETAIL = new RegExp(`\\d|${GIVEN.source}`, 'i');
const PHRASE_BREAK = /,|\b(?:and|but|plus|then|while|whereas|after\s+which|followed\s+by)\b/i;
const SHARED_TALK = /^[^.;]{0,40}?\b(?:were|are|both|all)\b/i;

/** Where the phrase of a name ending at `end` gives way to the next item, starting at `next`. */
export function phraseEnd(clause: string, end: number, next: number | undefined): number | undefined {
  if (next === undefined || next <= end) return undefined;
  const gap = clause.slice(end, next);
  if (!PHRASE_DETAIL.test(gap) || !PHRASE_BREAK.test(gap)) return undefined;
  if (SHARED_TALK.test(clause.slice(next))) return undefined;
  return next;
}

/** Status of a treatment mention at [start, end) of `clause`, in a record zone. */
export function statusOf(clause: string, start: number, end: number, zone: Zone, around: StatusContext = {}): Status {
  if (zone === 'family' || zone === 'allergies' || zone === 'trials' || zone === 'therapies' || zone === 'references' || zone === 'genes' || zone === 'vus' || zone === 'methods') return 'excluded';
  if (FAMILY.test(clause)) return 'excluded';
  if (isOtherCancerClause(clause)) return 'excluded';
  const before = clause.slice(Math.max(0, start - 60), start);
  // the name's own phrase: a later item's offer or refusal stays with that item
  const own = around.scopeEnd !== undefined && around.scopeEnd > end ? clause.slice(0, around.scopeEnd) : clause;
  const after = own.slice(end, end + 80);
  if (NEGATED_BEFORE.test(before) && !NOT_NEGATION.test(before)) return 'excluded';
  if (NEGATED_AFTER.test(after)) return 'excluded';
  const notWanted = NOT_WANTED_AFTER.exec(after);
  if (notWanted && !OTHER_SUBJECT.test(notWanted[1]!)) return 'excluded';
  const given = GIVEN.test(clause) && !/\b(?:will|plan(?:s|ned)?\s+to|to)\s+(?:start|begin|receive)\b/i.test(before);
  // "started topotecan after progression" was given; "options at progression would include docetaxel" was not
  if (OPTION.test(own) && !TRIAL_GIVEN.test(clause) && !(given && !/\boptions?\b|would\s+include|alternatives?/i.test(own))) return 'excluded';
  if (given || /\bcontinue\b/i.test(before)) return 'given';
  // the clause's own given words (checked above) beat a list it sits in ("Alternatives: none; continue lorlatinib")
  if (around.choice || LIST_LEAD_IN.test((around.lead ?? '') + ' ' + before)) return 'hedged';
  if (around.lead && TALK_LEAD.test(around.lead) && !OWN_WORD.test(clause) && !PLANNED.test(clause)) return 'hedged';
  if (CONDITION_AFTER.test(after)) return 'hedged';
  if (WEAK_OPTION.test(own)) return 'hedged';
  if (PLANNED.test(own) || zone === 'plan') return HEDGE.test(own) ? 'hedged' : 'planned';
  if (zone === 'pmh') return 'hedged';
  return 'given';
}
