// Diagnosis: cancer type, histology and diagnosis date. `findDiagnosis` reads one record,
// `mergeDiagnosis` decides across a person's records (see merge.ts for the rules).
export { findDiagnosis, cancerTypeOf, type DocDiagnosis } from './find.ts';
export { mergeDiagnosis } from './merge.ts';
export { histologyMentions, type HistologyMention } from './histology.ts';
