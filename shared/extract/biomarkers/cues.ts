// The words that decide what a result statement says: negative, positive, equivocal,
// failed or pending, a variant of uncertain significance, a relative's result, or general
// teaching text (how often a gene is mutated, what a test detects). Kept as small regexes
// with a comment for each trap they avoid.

// Negative results. "no … mutation/fusion … detected" may enclose genes ("No ALK, ROS1
// fusions identified"); the other forms sit before or after the genes they negate.
const NEG_SOURCES: RegExp[] = [
  /\bnot\s+(?:been\s+)?(?:detected|identified|found|present|seen|observed|demonstrated|mutated|rearranged|amplified)\b/gi,
  /\bnone\s+(?:were\s+)?(?:detected|identified|found)\b/gi,
  /\bnegatives?\b/gi,
  /\bneg\b/gi,
  /\bwild[\s-]?types?\b/gi,
  /(?<![A-Za-z])WT(?![A-Za-z])/g,
  /\b(?:unmutated|non-?mutated|non-?amplified|non-?rearranged)\b/gi,
  /\babsen(?:t|ce)\b/gi,
  // "EGFR: none" (but not "none provided", "none of")
  /(?<=[:=-]\s?)none\b(?!\s+(?:of|provided|available|given|known))/gi,
  /\bwithout\s+(?:evidence\s+of\s+)?(?:an?\s+|the\s+|any\s+)?/gi,
  /\(\s?-\s?\)/g,
  // "ALK-, ROS1-", "EGFR wt": a minus or "wt" right after a gene symbol (never the hyphen of "KIF5B-RET")
  /(?<=\b[A-Z][A-Z0-9]{1,6})-(?=\s*(?:[,;/)]|$|\s+(?:[A-Z(]|and\b|or\b)))/g,
  /(?<=\b[A-Z][A-Z0-9]{1,6}\s?[:=]?\s?)wt\b/gi,
  // "No ALK fusion, ROS1 fusion, or RET fusion was identified": to the verb when there is one
  // ("No fusion transcripts were detected for ROS1, RET": the product detected may follow the noun)
  /\bno\b(?:\s+(?:evidence|sign)\s+(?:of|for))?(?:\s+[\w/(),.:-]+?){0,16}?\s+(?:mutations?|variants?|alterations?|rearrangements?|fusions?|amplifications?|translocations?)\b(?:\s+(?:transcripts?|events?|calls?|products?))?(?:\s+(?:were|was|is|are|has\s+been|have\s+been))?\s+(?:detected|identified|found|seen|noted|present)\b/gi,
  /\bno\b(?:\s+(?:evidence|sign)\s+(?:of|for))?(?:\s+[\w/(),.:-]+?){0,10}?\s+(?:mutations?|variants?|alterations?|rearrangements?|fusions?|amplifications?|translocations?|changes|abnormalit(?:y|ies)|SNVs?(?:\/indels?)?(?:\/fusions?)?)\b(?:\s+(?:were|was|is|are|has\s+been|have\s+been))?(?:\s+(?:detected|identified|found|seen|noted|reported|present))?/gi,
];
// "false negative", "a negative result does not exclude", "negative controls": about the test, not a gene
const NOT_A_RESULT = /\bfalse[\s-]+negatives?\b|\bnegative\s+(?:results?\s+(?:does|do|should|cannot|can)|predictive|controls?)\b|\bpositive\s+and\s+negative\b/gi;

export interface Span { start: number; end: number; text: string }

export function negativeSpans(text: string): Span[] {
  const masked = text.replace(NOT_A_RESULT, (m) => ' '.repeat(m.length));
  const out: Span[] = [];
  for (const re of NEG_SOURCES) {
    re.lastIndex = 0;
    for (const m of masked.matchAll(re)) {
      const s = m.index!, e = s + m[0].length;
      if (out.some((o) => s < o.end && e > o.start)) continue;
      out.push({ start: s, end: e, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Text with the negative phrases blanked, so "not detected" is not read as "detected". */
export function withoutNegatives(text: string, spans: Span[]): string {
  let t = text;
  for (const s of spans) t = t.slice(0, s.start) + ' '.repeat(s.end - s.start) + t.slice(s.end);
  return t;
}

// "STK11 co-mutation" and "KRAS mutation noted" are positive too; a bare "mutation" ("EGFR mutation testing") is not
export const POSITIVE = /\b(?:positive|detected|identified|present|found|confirmed|harbou?r(?:s|ing)?|mutant|mutated|rearranged|amplified|overexpress(?:ed|ion)|mutation[\s-]positive|co-?mutat\w*|(?:mutation|alteration|variant)\s+(?:noted|seen))\b/i;
export const EQUIVOCAL = /\b(?:equivocal|borderline)\b/i;
// a relative's result is never the patient's
export const FAMILY = /\b(?:mother|father|sister|brother|siblings?|aunt|uncle|cousin|grand(?:mother|father|parent)s?|daughter|son|niece|nephew|relatives?|family|maternal|paternal|parents?)\b/i;
// failed, pending or sent-out tests give no result; nor does a test the panel does not include
export const NO_RESULT = /\b(?:pending|QNS|quantity\s+not\s+sufficient|insufficient|failed|not\s+performed|cancell?ed|could\s+not\s+be|unable\s+to|not\s+evaluable|inadequate|not\s+assessable|cannot\s+be\s+(?:determined|assessed|evaluated)|indeterminate|sent\s+(?:out|to)|to\s+follow|in\s+progress|requested|ordered|awaiting|not\s+reported|not\s+tested|not\s+assessed|(?:is|are|was|were)\s+not\s+(?:included|covered|part\s+of)|will\s+be\s+(?:sent|performed|reported))\b/i;
// variants of uncertain significance are never listed
export const VUS = /\b(?:VUS|variants?(?:\(s\))?\s+of\s+(?:uncertain|unknown|undetermined)\s+(?:clinical\s+)?significance|uncertain\s+(?:clinical\s+)?significance|unknown\s+significance|tier\s+(?:3|III)\b|likely\s+benign|benign\s+variant)/i;
// teaching and test-description text: how often, what a test covers, who is eligible, what a
// drug is approved for, resistance that may emerge, how one alteration differs from another;
// "hotspot" closing a result row ("R175H somatic hotspot") is an annotation, not teaching
export const GENERAL = /\b(?:encod(?:es|ing)|occurs?\s+in|(?:are|is)\s+found\s+in|found\s+in\s+(?:~|about|approximately)?\s?\d|\d+\s?-\s?\d+\s?%\s+of|~\s?\d+\s?%\s+of|accounts?\s+for|confers?|(?:is|are)\s+the\s+most\s+common(?:ly)?|are\s+(?:rare|generally|uncommon|common)|predicts?\s+(?:sensitivity|response|resistance)|responsive\s+to|patients\s+with|tumou?rs\s+with|such\s+as|e\.g\.|for\s+example|if\b|should\b|recommend|consider|eligib|tests?\s+for|testing\s+(?:for|of|is)|tested\s+for|assays?\s+(?:for|detects?|covers?)|designed\s+to|hotspots?(?!\s*(?:$|[),;]))|is\s+a\s+class|class\s+I+\s|sensitizing\s+mutations|limit\s+of\s+detection|excluded|exclusion|(?:greater|less)\s+than\b|defined\s+as|criteria|cut-?offs?\b|thresholds?\b|available\s+(?:as|upon|on|for)|upon\s+request|can\s+be\s+(?:performed|ordered|requested)|is\s+offered|will\s+be\s+performed|%\s+of\s+(?:tumou?r\s+)?(?:cells|nuclei)\s+positive|associated\s+with|response\s+rates?|published|studies|population|(?:are|is)\s+present\s+in\s+(?:about|approximately|~|up\s+to)?\s?\d|amplified\s+(?:by|using|with)\s+PCR|associated\s+(?:[\w-]+\s+){1,4}with|emergence\s+of|notably|resistance\s+mutations?\s+(?:such|including|like|\()|-(?:specific|selective|directed)\s+(?:inhibitors?|therap|drugs?|agents?)|approved\s+(?:only\s+)?for|distinct\s+(?:[\w-]+\s+){0,2}from|(?:only|not)\s+indicated\s+for|covered\s+(?:by|in)\s+(?:the|this)\s+(?:panel|assay|test)|(?:DNA|RNA)\s+(?:is|was|were)\s+(?:isolated|extracted))|%\s+of\s+(?:tumou?r\s+)?(?:cells|nuclei)\s+positive/i;
// legends and interpretation criteria define results, they do not report one (brackets removed first: "(cutoff 15%)" is fine)
export const LEGEND = /\b(?:interpretation\s+guidelines?|criteria|defined\s+(?:as|above|below)|(?:greater|less|more)\s+than\s+\d|cut-?offs?\b|thresholds?\b|reference\s+range|normal\s+cells|juxtaposition|signals?\s+separates?|probe\s+signals?)/i;
// a possibility, not a result ("HER2 amplification may help identify patients"): only a named variant survives it
export const HYPOTHETICAL = /\b(?:may|might|could|can|would)\s+(?:help|predict|provide|identify|indicate|benefit|be\s+(?:used|useful|considered|helpful|present)|respond|suggest|select|influence)|\bstatus\s+(?:may|can|could)\b|\bprobability\s+of\b/i;

export function methodOf(text: string): string | null {
  if (/\bFISH\b|break-?apart|\bCEP\s?7\b|in\s+situ\s+hybridi[sz]ation/i.test(text)) return 'FISH';
  if (/\bIHC\b|immunohisto|\bD5F3\b|\bSP263\b|\b22C3\b|\bSP142\b|\b28-8\b|\bSP44\b|\bD4D6\b|staining/i.test(text)) return 'IHC';
  if (/\bPCR\b|cobas|therascreen|idylla|real-time/i.test(text)) return 'PCR';
  if (/\bNGS\b|sequencing|next-generation|hybrid-capture|amplicon|\bRNA\b|panel|cfDNA|ctDNA/i.test(text)) return 'NGS';
  return null;
}
