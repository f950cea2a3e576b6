// Biomarker phrasings → facts/1 biomarkers, one record at a time. Rows are written in our own
// words from the clinical reference §8.3–8.5 and the report styles it describes; each row
// lists every biomarker the text should give (nothing more), as "GENE alteration result [value]".
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../shared/extract/index.ts';
import { docOf } from './record-fixture.ts';

function read(text: string): string[] {
  return extractDocument(docOf(text)).biomarkers
    .map((b) => [b.gene, b.alteration ?? '-', b.result, b.value ?? ''].join(' ').trim())
    .sort();
}

const positives: [string, string[]][] = [
  ['EGFR exon 19 deletion (p.E746_A750del) DETECTED, VAF 34%.', ['EGFR exon 19 deletion detected']],
  ['EGFR c.2573T>G p.(Leu858Arg) - Pathogenic, Tier IA.', ['EGFR L858R detected']],
  ['EGFR L858R and T790M detected.', ['EGFR L858R detected', 'EGFR T790M detected']],
  ['EGFR: Exon 20 insertion (p.A767_V769dup).', ['EGFR exon 20 insertion detected']],
  ['EGFR p.Asp770_Asn771insSerValAsp found at 18% allele fraction', ['EGFR exon 20 insertion detected']],
  ['EGFR G719A + S768I (compound uncommon mutations).', ['EGFR G719A detected', 'EGFR S768I detected']],
  ['Result: EGFR c.2235_2249del15 identified', ['EGFR exon 19 deletion detected']],
  ['EGFR L747_P753delinsS present', ['EGFR exon 19 deletion detected']],
  ['EGFR ex19del detected by PCR', ['EGFR exon 19 deletion detected']],
  ['cobas EGFR v2: Ex19Del DETECTED; L858R, T790M, G719X, S768I, L861Q, Ex20Ins NOT DETECTED.', ['EGFR exon 19 deletion detected']],
  ['ALK rearrangement POSITIVE by FISH (break-apart; 42% of 100 nuclei).', ['ALK fusion detected']],
  ['ALK (D5F3) IHC: Positive.', ['ALK fusion detected']],
  ['EML4::ALK fusion (E13;A20, variant 1) detected by RNA NGS.', ['ALK fusion detected']],
  ['ROS1 fusion: CD74(e6)-ROS1(e34).', ['ROS1 fusion detected']],
  ['Fusion detected: SLC34A2::ROS1', ['ROS1 fusion detected']],
  ['KRAS p.G12C (c.34G>T), VAF 21%; STK11 p.Q37*; KEAP1 G333C.', ['KEAP1 G333C detected', 'KRAS G12C detected', 'STK11 Q37* detected']],
  ['KRAS G12V mutation identified - no FDA-approved targeted therapy.', ['KRAS G12V detected']],
  ['BRAF V600E detected (c.1799T>A).', ['BRAF V600E detected']],
  ['BRAF c.1799T>A detected', ['BRAF V600E detected']],
  ['MET exon 14 skipping alteration (c.3082+1G>T).', ['MET exon 14 skipping detected']],
  ['MET c.3028+2T>C splice donor variant detected', ['MET exon 14 skipping detected']],
  ['METex14 skipping identified by RNA sequencing', ['MET exon 14 skipping detected']],
  ['MET amplification, estimated copy number 14.', ['MET amplification detected']],
  ['c-Met IHC (SP44): 70% tumor cells 3+ (high overexpression).', ['MET overexpression detected']],
  ['KIF5B-RET fusion detected.', ['RET fusion detected']],
  ['NTRK1 rearrangement (TPM3-NTRK1).', ['NTRK1 fusion detected']],
  ['ERBB2 (HER2) exon 20 insertion p.Y772_A775dupYVMA.', ['ERBB2 exon 20 insertion detected']],
  ['HER2 amplification (ERBB2 CN 9).', ['ERBB2 amplification detected']],
  ['NRG1 fusion (CD74::NRG1) identified by RNA sequencing.', ['NRG1 fusion detected']],
  ['Positive for EGFR mutation (outside report; details unavailable).', ['EGFR - detected']],
  ['EGFR-mutant (L858R) NSCLC on osimertinib.', ['EGFR L858R detected']],
  ['Stage IV ALK+ NSCLC, on second-line therapy', ['ALK fusion detected']],
  ['Guardant360: EGFR L858R 1.2% cfDNA; EGFR C797S 0.4%; MET amp (plasma copy number 2.6).', ['EGFR C797S detected', 'EGFR L858R detected', 'MET amplification detected']],
  ['TP53 p.Arg273His, VAF 44%', ['TP53 R273H detected']],
  ['PIK3CA p.Glu545Lys detected', ['PIK3CA E545K detected']],
  ['BRAF G469A (class II, non-V600): no FDA-approved targeted therapy.', ['BRAF G469A detected']],
  ['Gene   Result     Details\nKRAS   DETECTED   p.Gly12Asp (c.35G>A) VAF 12%\nEGFR   Not detected   -\nALK    Not detected   -', ['ALK - not detected', 'EGFR - not detected', 'KRAS G12D detected']],
  ['Gene  Result  Details\nROS1  DETECTED  CD74::ROS1 (exon 6; exon 34)  VAF -\nEGFR  Not detected  -', ['EGFR - not detected', 'ROS1 fusion detected']],
  ['Detected alteration    % cfDNA    Associated therapies\nKRAS p.Gly12Asp   3.1%   sotorasib, adagrasib (G12C only)', ['KRAS G12D detected']],
  ['RET fusion-positive: CCDC6 exon 1 :: RET exon 12, 512 supporting reads', ['RET fusion detected']],
  ['EGFR del19 present (PCR)', ['EGFR exon 19 deletion detected']],
  ['KRAS G12C+ with STK11 co-mutation; PD-L1 TPS 5%', ['KRAS G12C detected', 'PD-L1 expression detected 5', 'STK11 - detected']],
  ['ROS1 rearrangement was not identified by FISH.', ['ROS1 - not detected']],
  ['NGS (3/2023): EGFR L858R; TP53 R273C; TMB 3 Muts/Mb; MSS.', ['EGFR L858R detected', 'MSI - not detected', 'TMB tmb detected 3', 'TP53 R273C detected']],
  ['EGFR exon 19 indel (p.L747_A750delinsP) detected', ['EGFR exon 19 deletion detected']],
  ['MET exon 14 skipping mutation (p.D1010H) identified', ['MET exon 14 skipping detected']],
  ['Gene\nEGFR\nResult\nEGFR\nNOT DETECTED', ['EGFR - not detected']],
  ['KRAS\nG12C (VAF 14%)', ['KRAS G12C detected']],
  ['Positive for ALK rearrangement by FISH (58% of nuclei).', ['ALK fusion detected']],
  ['ROS1 (D4D6) IHC: positive, diffuse strong staining', ['ROS1 fusion detected']],
  ['HER2 (ERBB2) IHC 3+ in 90% of tumor cells', ['ERBB2 overexpression detected']],
  ['ETV6::NTRK3 fusion identified (RNA)', ['NTRK3 fusion detected']],
];

const negatives: [string, string[]][] = [
  // a result sentence whose gene list wraps onto a line of bare symbols
  ['Summary of negatives: no alterations detected in ALK, RET,\nBRAF, ERBB2, MET, NTRK1, NTRK2 or KRAS.', ['ALK - not detected', 'BRAF - not detected', 'ERBB2 - not detected', 'KRAS - not detected', 'MET - not detected', 'NTRK1 - not detected', 'NTRK2 - not detected', 'RET - not detected']],
  // "GENE result GENE result" cells: each result belongs to the gene before it
  ['ALK   no fusion     RET   no fusion     NTRK1   no fusion', ['ALK - not detected', 'NTRK1 - not detected', 'RET - not detected']],
  ['EGFR    negative     KRAS    G12D', ['EGFR - not detected', 'KRAS G12D detected']],
  // the thing not detected named after the noun: "fusion transcripts", "fusion events"
  ['No fusion transcripts were found for ALK, RET or NRG1.', ['ALK - not detected', 'NRG1 - not detected', 'RET - not detected']],
  // a row whose other column is another test's "not assessed"
  ['BRAF | No pathogenic variant detected | RNA: not assessed', ['BRAF - not detected']],
  // the alteration MET testing is about, denied
  ['MET exon 14 skipping: not detected.', ['MET - not detected']],
  // OCR digits for letters
  ['R0S1 fusi0n: n0t detected', ['ROS1 - not detected']],
  ['EGFR (PCR, exons 18-21): N0 mutation detected', ['EGFR - not detected']],
  ['KRAS: n0 mutati0ns f0und', ['KRAS - not detected']],
  ['Negative: EGFR, ALK, ROS1, MET exon 14, RET, NTRK, ERBB2.', ['ALK - not detected', 'EGFR - not detected', 'ERBB2 - not detected', 'MET - not detected', 'NTRK1 - not detected', 'NTRK2 - not detected', 'NTRK3 - not detected', 'RET - not detected', 'ROS1 - not detected']],
  ['Variants of uncertain significance: ATM p.V2424G\nTumour mutational burden: 6 mut/Mb. Microsatellite status: stable.', ['MSI - not detected', 'TMB tmb detected 6']],
  ['EGFR: Not detected.', ['EGFR - not detected']],
  ['No EGFR mutation detected.', ['EGFR - not detected']],
  ['EGFR wild-type.', ['EGFR - not detected']],
  ['ALK: Negative (no rearrangement).', ['ALK - not detected']],
  ['ALK IHC (D5F3): Negative.', ['ALK - not detected']],
  ['ROS1 FISH: No evidence of rearrangement.', ['ROS1 - not detected']],
  ['Negative for EGFR, ALK, ROS1, BRAF, KRAS, MET, RET, ERBB2, NTRK alterations.', ['ALK - not detected', 'BRAF - not detected', 'EGFR - not detected', 'ERBB2 - not detected', 'KRAS - not detected', 'MET - not detected', 'NTRK1 - not detected', 'NTRK2 - not detected', 'NTRK3 - not detected', 'RET - not detected', 'ROS1 - not detected']],
  ['No mutations were found in KRAS or BRAF. ALK and ROS1: no fusion detected.', ['ALK - not detected', 'BRAF - not detected', 'KRAS - not detected', 'ROS1 - not detected']],
  ['EGFR/ALK/ROS1 negative', ['ALK - not detected', 'EGFR - not detected', 'ROS1 - not detected']],
  ['Alterations not detected: EGFR, KRAS, BRAF', ['BRAF - not detected', 'EGFR - not detected', 'KRAS - not detected']],
  ['Fusion panel negative for RET, NTRK1/2/3.', ['NTRK1 - not detected', 'NTRK2 - not detected', 'NTRK3 - not detected', 'RET - not detected']],
  ['No ALK, ROS1, RET fusions identified.', ['ALK - not detected', 'RET - not detected', 'ROS1 - not detected']],
  ['KRAS: no mutation detected in codons 12, 13, 61.', ['KRAS - not detected']],
  ['EGFR: NO MUTATION DETECTED (hotspots tested: G719X, exon 19 deletions, T790M, L858R)', ['EGFR - not detected']],
  ['Negative for KRAS and BRAF\nmutations; ALK, ROS1 and RET\nrearrangements not detected.', ['ALK - not detected', 'BRAF - not detected', 'KRAS - not detected', 'RET - not detected', 'ROS1 - not detected']],
  ['HER2 IHC: negative (score 0)', ['ERBB2 - not detected']],
  ['KRAS G12C detected, negative for EGFR and ALK', ['ALK - not detected', 'EGFR - not detected', 'KRAS G12C detected']],
  ['ALK IHC positive, no ROS1 rearrangement', ['ALK fusion detected', 'ROS1 - not detected']],
  ['EGFR exon 19 deletion detected; T790M not detected in plasma.', ['EGFR exon 19 deletion detected']],
  ['K-RAS mutation analysis: results: no mutations were identified at codons 12 and 13.', ['KRAS - not detected']],
  ['EGFR: none', ['EGFR - not detected']],
  ['EGFR L858R, ALK negative', ['ALK - not detected', 'EGFR L858R detected']],
  ['No EGFR exon 19 deletion or L858R mutation detected.', ['EGFR - not detected']],
  ['ALK\nNEGATIVE', ['ALK - not detected']],
  ['Molecular: EGFR wt, ALK-, ROS1-, PD-L1 95%', ['ALK - not detected', 'EGFR - not detected', 'PD-L1 expression detected 95', 'ROS1 - not detected']],
  ['EGFR (NM_005228.3) exons 18-21, codons 688-823, 849-875: no mutation detected', ['EGFR - not detected']],
  ['No ALK fusion, ROS1 fusion, or RET fusion was identified.', ['ALK - not detected', 'RET - not detected', 'ROS1 - not detected']],
  ['Biomarkers: EGFR negative, ALK negative, KRAS G12C positive', ['ALK - not detected', 'EGFR - not detected', 'KRAS G12C detected']],
  // a short dot leader ("GENE ... result") is a label and its value, not two sentences
  ['ALK, NTRK2 ... no rearrangement detected (RNA)', ['ALK - not detected', 'NTRK2 - not detected']],
  // a row that already holds its value (a "Tier II" or "hotspot" note at its end) does not take the next line's result
  ['KRAS p.Gly13Asp 12% Tier II\nNegative results: EGFR - not detected', ['EGFR - not detected', 'KRAS G13D detected']],
  ['BRAF V600E (c.1799T>A) 2.2 known hotspot\nNo alterations detected in: EGFR, KRAS', ['BRAF V600E detected', 'EGFR - not detected', 'KRAS - not detected']],
  // bracketed notes inside a negative list ("(fusions)", "(including ...)", an alias) keep the list whole
  ['No reportable variants found in: ROS1 (fusions) | MET (including exon 14 skipping) | RET (fusions)', ['MET - not detected', 'RET - not detected', 'ROS1 - not detected']],
  ['Not detected in: ERBB2 (HER2), NTRK1, NTRK3.', ['ERBB2 - not detected', 'NTRK1 - not detected', 'NTRK3 - not detected']],
  // a negative's gene list wrapped onto rows of bare gene symbols
  ['Pertinent negatives - no alterations detected in:\nKRAS | BRAF (V600)\nRET | NTRK1 (fusion)', ['BRAF - not detected', 'KRAS - not detected', 'NTRK1 - not detected', 'RET - not detected']],
  ['Not detected in: ALK, ROS1\nKRAS G12C (plasma, 1.2%)', ['ALK - not detected', 'KRAS G12C detected', 'ROS1 - not detected']],
  // a negative after a run of variants denies each of them (variant level: no gene entry)
  ['EGFR L858R detected; EGFR T790M, EGFR C797S: not detected', ['EGFR L858R detected']],
  // a drug class named by a variant ("G12C inhibitors") is not a finding
  ['KRAS p.G12V present - G12C inhibitors do not apply', ['KRAS G12V detected']],
  ['EGFR (L858R), ALK negative', ['ALK - not detected', 'EGFR L858R detected']],
];

const equivocal: [string, string[]][] = [
  ['Equivocal for MET amplification (ratio 1.9).', ['MET amplification equivocal']],
  ['ALK FISH equivocal (12% split signals); recommend NGS confirmation.', ['ALK fusion equivocal']],
  ['MET/CEP7 FISH: EQUIVOCAL, ratio 2.0', ['MET amplification equivocal']],
];

const nothing: [string, string][] = [
  ['Genes on this panel: ALK, EGFR,\nBRAF, ERBB2, MET, NTRK1, NTRK2, KRAS', 'wrapped panel list, no result'],
  ['BRAF | RNA fusion: not assessed', 'no result before the not-assessed column'],
  ['EGFR exon 20 insertion: not detected.', 'a denied EGFR class says nothing of EGFR'],
  ['KRAS G12C-selective inhibitors are not expected to act on this tumour.', 'drug class named by its target'],
  ['Sotorasib is approved only for KRAS G12C.', 'label text'],
  ['ALK-rearranged disease may later acquire ALK resistance mutations (notably L1196M).', 'future resistance'],
  ['Point mutations are a distinct entity from ERBB2 amplification and from HER2 overexpression.', 'teaching text'],
  ['Osimertinib is approved for EGFR T790M-positive disease.', 'label text'],
  ['TMB 95%', 'a percentage is not a TMB'],
  ['Variants of uncertain significance: ERBB2 p.R678Q, ATM p.D1853N.', 'inline VUS list'],
  ['VUS - clinical significance unknown; not used for treatment decisions. SMARCA4 p.V1230I', 'VUS words'],
  ['VARIANTS OF UNCERTAIN SIGNIFICANCE\nGene  Protein change  VAF\nATM  p.R2034Q  11%\nKMT2D  p.R3058Q  19%\nMETHODS\nHybrid capture', 'VUS table'],
  ['No reportable genomic alterations in genes with FDA-approved therapies in NSCLC.', 'no gene named'],
  ['No pathogenic or likely pathogenic variants identified.', 'no gene named'],
  ['Driver-negative. Pan-negative for actionable drivers.', 'no genes listed'],
  ['Insufficient tumor for molecular testing (tumor content <10%).', 'failed'],
  ['DNA QC failed; RNA fusion panel could not be performed for ALK, ROS1, RET.', 'failed'],
  ['QNS for NGS; PD-L1 performed only.', 'QNS'],
  ['Results pending / sent to outside lab 3/14 for EGFR, ALK and ROS1.', 'pending'],
  ['EGFR, ALK, ROS1 and PD-L1 testing have been requested; results pending.', 'requested'],
  ['Family history: mother had EGFR-mutant lung adenocarcinoma.', 'relative'],
  ['Sister with breast cancer (BRCA2 pathogenic variant).', 'relative'],
  ['Mother with ovarian cancer; her BRCA1/2 testing was negative.', 'relative negative'],
  ['GENES ASSAYED\nABL1 AKT1 ALK BRAF EGFR ERBB2 KRAS MET NTRK1 RET ROS1 TP53', 'gene list'],
  ['RNA sequencing covers fusions in ALK, BRAF, EGFR, FGFR1-3, MET, NRG1, NTRK1-3, RET and ROS1.', 'methods'],
  ['Testing for EGFR, ALK, ROS1, BRAF and KRAS is recommended in all patients with advanced NSCLC.', 'recommendation'],
  ['EGFR mutation testing was sent on the pleural fluid cell block.', 'test sent'],
  ['Patients with EGFR mutations or ALK rearrangements were excluded from the trial.', 'trial eligibility'],
  ['EGFR encodes a receptor tyrosine kinase; activating mutations (exon 19 deletions, L858R) are found in ~15% of adenocarcinomas.', 'teaching text'],
  ['1. Author A et al. Osimertinib in EGFR T790M-positive lung cancer. N Engl J Med 2017;376:629.', 'reference'],
  ['BRAF  NCT01234567  2  encorafenib + binimetinib (V600E)', 'trial listing'],
  ['If EGFR positive, will start osimertinib.', 'conditional'],
  ['PD-L1 IHC not evaluable (<100 viable tumor cells).', 'PD-L1 not evaluable'],
  ['PD-L1 staining is not representative: only 40 tumor cells present, 2 of them positive.', 'PD-L1 not representative'],
  ['MSI: Cannot be determined.', 'MSI undetermined'],
  ['Tumor mutational burden is not reported by this assay.', 'TMB not reported'],
  ['TTF-1 positive, p40 negative, napsin A positive; negative for p53 overexpression.', 'diagnostic IHC'],
  ['The EGFR stain shows strong membranous staining in 90% of tumor cells.', 'EGFR protein IHC'],
  ['Interpretation: TPS <1% negative; 1-49% low expression; >=50% high expression.', 'PD-L1 legend'],
  ['Regions with insufficient coverage: NTRK3 exons 14-16; results not reported.', 'coverage gap'],
  ['Specimen received for ALK, ROS1 FISH on 3/2/2025.', 'order, no result'],
  ['History of breast cancer 2015: ER positive, PR positive, HER2 negative.', 'another cancer'],
  ['Her2/neu amplification may help identify patients likely to benefit from trastuzumab.', 'possibility'],
  ['Interpretation criteria: EGFR/CEP7 ratio greater than 2.0: EGFR amplification; less than 2.0: no EGFR amplification.', 'FISH criteria'],
  ['Normal cells without the ALK rearrangement show fused orange and green signals.', 'FISH method text'],
  ['The exon 2 region of KRAS is amplified by PCR and sequenced.', 'PCR method'],
  ['EGFR C797S and T790M: not detected.', 'variants denied together'],
  ['NRG1 fusions are not covered by this panel.', 'not in the panel'],
  ['NTRK1-3 and NRG1 fusion detection is not included in this assay.', 'not included is not tested'],
  ['The panel covers hotspot regions of KRAS and BRAF.', 'hotspot teaching text'],
];

const immuno: [string, string[]][] = [
  // the high category named, then denied
  ['MSI-high ........ not detected', ['MSI - not detected']],
  ['MSI-H: negative', ['MSI - not detected']],
  // dot leaders between a label and its value; TMB-low is still a value
  ['Tumour mutation burden ......... 3 mutations/Mb (low)', ['TMB tmb detected 3']],
  ['Tumor Mutati0nal Burden: 11 mut/Mb', ['TMB tmb detected 11']],
  // a bare number right after TMB in a summary line
  ['Summary: EGFR L858R, TMB 5.1, MSS.', ['EGFR L858R detected', 'MSI - not detected', 'TMB tmb detected 5.1']],
  // an IHC kit's signal amplification is not a gene amplification
  ['ALK (D5F3 with OptiView amplification kit): positive', ['ALK fusion detected']],
  ['PD-L1 (22C3): tumour proportion score less than 1%.', ['PD-L1 expression not detected']],
  ['PD-L1 TPS below 1 percent', ['PD-L1 expression not detected']],
  ['PD-L1 (22C3 pharmDx) Tumor Proportion Score (TPS): 80%.', ['PD-L1 expression detected 80']],
  ['PD-L1 TPS 1-49% (low expression); estimated 20%.', ['PD-L1 expression detected 20']],
  ['PD-L1: <1% (no expression).', ['PD-L1 expression not detected']],
  ['PD-L1 negative (TPS 0%).', ['PD-L1 expression not detected 0']],
  ['PD-L1 high (>=50%).', ['PD-L1 expression detected']],
  ['PD-L1 high (\u226550%).', ['PD-L1 expression detected']],
  ['PD-L1 SP263: 5% tumor cells.', ['PD-L1 expression detected 5']],
  ['PD-L1 28-8: 1% tumor cell membrane staining.', ['PD-L1 expression detected 1']],
  ['PD-L1 90% (outside lab, 22C3).', ['PD-L1 expression detected 90']],
  ['TPS=90', ['PD-L1 expression detected 90']],
  ['PD-L1 expression: weak 10%, moderate 20%, strong 30% (total TPS 60%).', ['PD-L1 expression detected 60']],
  ['PD-L1 staining: weak 5%, moderate 10%, strong 15%', ['PD-L1 expression detected 30']],
  ['PD-L1 1-49% (low).', ['PD-L1 expression detected']],
  ['PD-L1 IHC 22C3: TPS 35%. Positive and negative controls stained appropriately.', ['PD-L1 expression detected 35']],
  ['TMB: 12 Muts/Mb (TMB-High).', ['TMB tmb detected 12']],
  ['Tumor Mutational Burden 3 mutations/megabase - Low.', ['TMB tmb detected 3']],
  ['bTMB 16 mut/Mb (blood).', ['TMB tmb detected 16']],
  ['TMB 4.2 mut/Mb (TMB-High is defined as >=10 mut/Mb)', ['TMB tmb detected 4.2']],
  ['Microsatellite status: MS-Stable.', ['MSI - not detected']],
  ['MSI-High.', ['MSI MSI-H detected']],
  ['MMR IHC: loss of MLH1 and PMS2 (deficient).', ['MSI MSI-H detected']],
  ['Mismatch repair proteins: intact (MMR proficient)', ['MSI - not detected']],
  ['Microsatellite instability: not detected (MSS)', ['MSI - not detected']],
  ['PD-L1 TPS: 60 percent', ['PD-L1 expression detected 60']],
  ['PD-L1 (22C3) TPS\n45%', ['PD-L1 expression detected 45']],
  ['TMB 14 (high)', ['TMB tmb detected 14']],
  ['Tumor mutational burden\n7.5 mut/Mb', ['TMB tmb detected 7.5']],
  ['MSI status: MSI-low', ['MSI - not detected']],
];

// a negative heading over a bare row of genes; one marker's "not reported" beside another's value
const headed: [string, string[]][] = [
  ['-- NEGATIVE RESULTS ----------\nBRAF | ERBB2 | MET | RET | NTRK1 | ROS1', ['BRAF - not detected', 'ERBB2 - not detected', 'MET - not detected', 'NTRK1 - not detected', 'RET - not detected', 'ROS1 - not detected']],
  ['## No variants detected (core lung genes) ########\nEGFR | KRAS | ALK | RET | BRAF', ['ALK - not detected', 'BRAF - not detected', 'EGFR - not detected', 'KRAS - not detected', 'RET - not detected']],
  ['TMB 9 mut/Mb (intermediate)   MSI: not evaluable (low coverage)', ['TMB tmb detected 9']],
  ['MSI: stable   TMB: not determined (insufficient tumor content)', ['MSI - not detected']],
  ['TMB: not reported (too few reads)   MSS', ['MSI - not detected']],
];
const headedDecoys: [string, string][] = [
  ['GENES ANALYZED ========\nEGFR | KRAS | ALK | ROS1 | RET', 'a panel heading over its genes'],
  ['ALTERATIONS DETECTED =====\nEGFR KRAS ALK ROS1 BRAF', 'a heading that is no negative'],
  ['Negative controls performed ====\nEGFR KRAS ALK ROS1 RET', 'a heading about controls'],
];

describe('biomarker phrasings', () => {
  for (const [text, want] of [...positives, ...negatives, ...equivocal, ...immuno, ...headed]) {
    it(text.replace(/\n/g, ' / ').slice(0, 90), () => expect(read(text)).toEqual([...want].sort()));
  }
  for (const [text, why] of [...nothing, ...headedDecoys]) {
    it(`nothing: ${why}`, () => expect(read(text)).toEqual([]));
  }
});

describe('biomarker facts carry their evidence', () => {
  it('quotes the line, marks OCR for checking', () => {
    const b = extractDocument(docOf('Line one\nKRAS p.G12C detected, VAF 21%', 'scan.pdf', 'ocr')).biomarkers[0]!;
    expect(b.evidence?.[0]).toMatchObject({ file: 'scan.pdf', page: 1, source: 'ocr' });
    expect(b.evidence?.[0]?.quote).toContain('G12C');
    expect(b.needsCheck).toBe(true);
  });
  it('names plasma when the report is a liquid biopsy', () => {
    const b = extractDocument(docOf('Liquid biopsy report (plasma cfDNA)\nEGFR T790M detected, 0.8%')).biomarkers[0]!;
    expect(b).toMatchObject({ gene: 'EGFR', alteration: 'T790M', specimen: 'plasma' });
  });
});
