// Biomarkers: `findBiomarkers` reads one record, `mergeBiomarkers` combines a person's records.
export { findBiomarkers } from './find.ts';
export { mergeBiomarkers } from './merge.ts';
