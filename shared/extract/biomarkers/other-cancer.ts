// Another cancer than this lung cancer: a record or clause about an earlier breast cancer,
// a lymphoma or a glioma names drugs, surgery and markers (HER2, "temporal lobectomy") that
// are not this cancer's. A record that never mentions the lung but names another cancer
// gives no lung-cancer treatments or biomarkers; a clause that does the same is skipped.
import type { CtxLine } from '../context.ts';

export const OTHER_CANCER = /\b(?:breast|prostate|prostatic|colon|colorectal|rectal|anal|bladder|urothelial|ovarian|ovary|cervical|endometrial|uterine|uterus|thyroid|renal|kidney|testicular|pancreatic|gastric|stomach|esophageal|oesophageal|laryngeal|oropharyngeal|nasopharyn\w*|tongue|tonsil\w*|head\s+and\s+neck|skin|hepatocellular|brain|cns)(?:\s+[a-z]+){0,3}?\s+(?:cancer|carcinoma|ca\b|malignancy|primary|adenocarcinoma|tumou?r|neoplasm)|\b(?:cancer|carcinoma)\s+of\s+the\s+(?:breast|prostate|colon|rectum|bladder|ovary|cervix|endometrium|uterus|thyroid|kidney|pancreas|stomach|esophagus|larynx|nasopharynx|tongue|skin)\b|\b(?:lymphoma|leukemia|leukaemia|melanoma|myeloma|sarcoma|leiomyosarcoma|Hodgkin|seminoma|glioma|glioblastoma|astrocytoma|neuroblastoma|mesothelioma|DCIS|ductal\s+carcinoma|lobular\s+carcinoma|acoustic\s+neuroma)\b/i;
export const LUNG = /\b(?:lung|lungs|NSCLC|SCLC|pulmonary|bronch\w*|lobe|thoracic|pleural\s+effusion|EGFR|ALK)\b/i;

// lung cancer itself, not "lungs clear to auscultation"
const LUNG_CANCER = /\blung\s+(?:cancer|carcinoma|adenocarcinoma|mass|nodule|primary|lesion|tumou?r|malignancy)|\b(?:NSCLC|SCLC)\b|\bnon-?\s?small[\s-]cell|\bsmall[\s-]cell\s+(?:lung\s+)?carcinoma|\bbronchogenic|\b(?:carcinoma|cancer|adenocarcinoma)\s+of\s+the\s+(?:lung|bronchus)|\bpulmonary\s+(?:nodule|mass|adenocarcinoma|carcinoma)|\b(?:upper|middle|lower)\s+lobe\s+(?:mass|nodule|lesion|tumou?r|primary)|\b(?:EGFR|ALK|ROS1|KRAS)\b|\bPD-?L1\b/i;

// "remote history of prostate cancer treated in 2010": a past cancer mentioned in passing
// does not make the record about it
const PAST = /\b(?:history\s+of|h\/o|hx\s+of|remote|prior|previous(?:ly)?|past|former|survivor|in\s+remission|treated\s+(?:\w+\s+){0,4}in\s+(?:19|20)\d\d|(?:19|20)\d\d\s*[,;)]?\s*(?:treated|s\/p|status\s+post))\b/i;

/** A record about another cancer only: it names one (not just as past history) and never a lung cancer. */
export function isOtherCancerRecord(lines: CtxLine[]): boolean {
  let other = false;
  for (const l of lines) {
    if (LUNG_CANCER.test(l.text)) return false;
    if (OTHER_CANCER.test(l.text) && !PAST.test(l.text)) other = true;
  }
  return other;
}

/** A clause about another cancer that does not mention the lung. */
export function isOtherCancerClause(text: string): boolean {
  return OTHER_CANCER.test(text) && !LUNG.test(text);
}
