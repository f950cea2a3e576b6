// Which biomarker results are actionable drivers in NSCLC (clinical reference §3.2 and §6):
// EGFR, ALK, ROS1, BRAF V600E, MET exon 14 skipping, RET, NTRK1-3, ERBB2 mutations, NRG1, KRAS G12C.
import type { Biomarker } from '../contract/facts.ts';

export const FUSION_GENES = ['ALK', 'ROS1', 'RET', 'NTRK1', 'NTRK2', 'NTRK3', 'NRG1'];
export const DRIVER_GENES = ['EGFR', 'ALK', 'ROS1', 'KRAS', 'BRAF', 'MET', 'RET', 'NTRK1', 'NTRK2', 'NTRK3', 'ERBB2', 'NRG1'];
/** Genes beyond EGFR and ALK that a broad panel for advanced nonsquamous NSCLC reports. */
export const BROAD_PANEL_GENES = DRIVER_GENES.filter((g) => g !== 'EGFR' && g !== 'ALK');
/** How the missing-gene list names them for people. */
export const BROAD_PANEL_LABELS: [string, string[]][] = [
  ['ROS1', ['ROS1']], ['KRAS', ['KRAS']], ['BRAF', ['BRAF']], ['MET', ['MET']], ['RET', ['RET']],
  ['ERBB2 (HER2)', ['ERBB2']], ['NTRK1/2/3', ['NTRK1', 'NTRK2', 'NTRK3']], ['NRG1', ['NRG1']],
];

const NOT_MUTATION = ['amplification', 'overexpression', 'expression'];

/** True when a biomarker entry is a detected actionable driver. */
export function isDriver(b: Biomarker): boolean {
  if (b.result !== 'detected') return false;
  const alt = (b.alteration ?? '').toLowerCase();
  switch (b.gene) {
    case 'EGFR': return !NOT_MUTATION.includes(alt);
    case 'KRAS': return alt === 'g12c';
    case 'BRAF': return alt === 'v600e';
    case 'MET': return alt === 'exon 14 skipping';
    case 'ERBB2': return !NOT_MUTATION.includes(alt);
    default: return FUSION_GENES.includes(b.gene) && (alt === '' || alt === 'fusion');
  }
}

/** True when a driver gene entry could be a driver but the records disagree about it. */
export function isDriverGene(gene: string): boolean {
  return DRIVER_GENES.includes(gene);
}
