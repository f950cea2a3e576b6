// Treatments: `findTreatments` reads one record, `mergeTreatments` combines a person's records.
export { findTreatments } from './find.ts';
export { mergeTreatments } from './merge.ts';
