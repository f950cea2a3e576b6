// Histology and cancer type from phrasings written in our own words (clinical reference §1,
// §8.1, §8.7): what counts, what a cue takes back, and what is another organ's or person's.
import { describe, expect, it } from 'vitest';
import { one } from './doc-fixture.ts';

const PATH = 'Surgical pathology report\nFINAL DIAGNOSIS\n';
const NOTE = 'Thoracic oncology clinic note\nAssessment:\n';
const dx = (text: string) => one(text).diagnosis;

describe('histology from a pathology diagnosis', () => {
  const table: [string, string | null, string | null][] = [
    ['Right lower lobe, core biopsy: ADENOCARCINOMA, solid predominant.', 'NSCLC', 'adenocarcinoma'],
    ['Non-small cell carcinoma, favor adenocarcinoma (TTF-1 positive, p40 negative).', 'NSCLC', 'adenocarcinoma'],
    ['NSCLC, favor squamous cell carcinoma; p40 and CK5/6 positive.', 'NSCLC', 'squamous cell carcinoma'],
    ['Non-small cell lung carcinoma, NOS (TTF-1 and p40 negative).', 'NSCLC', 'NSCLC NOS'],
    ['Non-small cell carcinoma, not otherwise specified.', 'NSCLC', 'NSCLC NOS'],
    ['Invasive mucinous adenocarcinoma, 1.8 cm.', 'NSCLC', 'adenocarcinoma'],
    ['Minimally invasive adenocarcinoma, lepidic predominant.', 'NSCLC', 'adenocarcinoma'],
    ['Metastatic adenocarcinoma, consistent with a lung primary (CK7+, TTF-1+), liver core.', 'NSCLC', 'adenocarcinoma'],
    ['Keratinizing squamous cell carcinoma, moderately differentiated.', 'NSCLC', 'squamous cell carcinoma'],
    ['Squamous cell (epidermoid) carcinoma, non-keratinizing type.', 'NSCLC', 'squamous cell carcinoma'],
    ['SMALL CELL CARCINOMA with crush artifact; INSM1 positive.', 'SCLC', 'small cell carcinoma'],
    ['High-grade neuroendocrine carcinoma, small cell type.', 'SCLC', 'small cell carcinoma'],
    ['High-grade neuroendocrine carcinoma, large cell type.', 'NSCLC', 'large cell neuroendocrine carcinoma'],
    ['Large cell neuroendocrine carcinoma (LCNEC) of the lung.', 'NSCLC', 'large cell neuroendocrine carcinoma'],
    ['Combined small cell carcinoma (small cell carcinoma 70% with adenocarcinoma 30%).', 'SCLC', 'combined small cell carcinoma'],
    ['Typical carcinoid tumor of the left main bronchus, 1.2 cm.', null, 'carcinoid'],
    ['Well-differentiated neuroendocrine tumor, grade 2 (atypical carcinoid), lung.', null, 'carcinoid'],
    ['Adenosquamous carcinoma (glandular 55%, squamous 45%), lung.', 'NSCLC', 'adenosquamous carcinoma'],
    ['Pleomorphic carcinoma of the lung with a 40% spindle cell component.', 'NSCLC', 'sarcomatoid carcinoma'],
    ['Large cell carcinoma, null immunophenotype, lung resection.', 'NSCLC', 'large cell carcinoma'],
    ['Large cell carcinoma of the lung, consistent with squamous cell carcinoma on immunostains.', 'NSCLC', 'squamous cell carcinoma'],
    ['Poorly differentiated non-small cell carcinoma of the lung with squamous differentiation.', 'NSCLC', 'squamous cell carcinoma'],
    ['Lung, wedge: invasive squamous. cell carcinoma forming a 3 cm mass.', 'NSCLC', 'squamous cell carcinoma'],
    ['Lung lobectomy: SQUAMOUS CELL CARCINOMA, moderately differentiated; an OCR read of "SQUAMOU3" elsewhere.', 'NSCLC', 'squamous cell carcinoma'],
    ['Lung, upper lobe: adenocarcinôma, acinar pattern.', 'NSCLC', 'adenocarcinoma'],
    ['Lung: ADENOCARCINORNA (OCR read m as rn), acinar.', 'NSCLC', 'adenocarcinoma'],
    ['Amended: the lung diagnosis is revised from squamous cell carcinoma to adenosquamous carcinoma.', 'NSCLC', 'adenosquamous carcinoma'],
    ['Lung mass, previously reported as small cell carcinoma; on review large cell neuroendocrine carcinoma.', 'NSCLC', 'large cell neuroendocrine carcinoma'],
    ['Neuroendocrine carcinoma, small cell type, left lung.', 'SCLC', 'small cell carcinoma'],
    ['Bronchioloalveolar carcinoma, non-mucinous, lung wedge.', 'NSCLC', 'adenocarcinoma'],
    ['Poorly differentiated carcinoma; immunoprofile supports pulmonary origin (TTF-1 positive).', 'NSCLC', 'NSCLC NOS'],
  ];
  it.each(table)('%s', (text, type, histology) => {
    const d = dx(PATH + text);
    expect(d.histology).toBe(histology);
    expect(d.cancerType).toBe(type);
  });
});

describe('histology from clinic shorthand', () => {
  const table: [string, string | null][] = [
    ['58-year-old with stage IV lung adenocarcinoma, EGFR exon 19 deletion.', 'adenocarcinoma'],
    ['Adeno of the RUL, on osimertinib.', 'adenocarcinoma'],
    ['Squamous NSCLC of the left lower lobe after chemoradiation.', 'squamous cell carcinoma'],
    ['NSCLC, adenosquamous histology, resected.', 'adenosquamous carcinoma'],
    ['Extensive-stage small cell lung cancer on maintenance.', 'small cell carcinoma'],
    ['Dx: lung cancer (NSCLC) per outside pathology.', 'NSCLC NOS'],
    ['ES-SCLC with liver metastases.', 'small cell carcinoma'],
    ['NSCLC - squamous, on durvalumab.', 'squamous cell carcinoma'],
  ];
  it.each(table)('%s', (text, histology) => expect(dx(NOTE + text).histology).toBe(histology));
});

describe('mentions that do not give the diagnosis', () => {
  const table: [string, string][] = [
    ['negative for malignancy', PATH + 'Lymph node, station 4R: negative for malignancy; no carcinoma identified.'],
    ['suspicious only', PATH + 'Lung, FNA: atypical cells, suspicious for adenocarcinoma; recommend repeat sampling.'],
    ['a rule-out in the history', 'Surgical pathology report\nCLINICAL HISTORY\nLung nodule, rule out squamous cell carcinoma.\nFINAL DIAGNOSIS\nBenign granuloma; no malignancy.'],
    ['a differential', PATH + 'Lung: granulomatous inflammation. The differential diagnosis included carcinoid tumor; not supported.'],
    ['cannot be excluded', PATH + 'Lung: crushed cells; small cell carcinoma cannot be excluded.'],
    ['a question asked and answered no', NOTE + 'Outside slides reviewed. Pleomorphic carcinoma? No; awaiting the resection.'],
    ['a question in a note', NOTE + 'RUL mass, adenocarcinoma? Biopsy next week.'],
    ['a relative', NOTE + 'Family history: her father had lung adenocarcinoma at 70.'],
    ['another organ', NOTE + 'Past history of squamous cell carcinoma of the scalp, excised in 2015.\nNew right lung nodule, biopsy pending.'],
    ['another primary in the differential', PATH + 'Metastatic adenocarcinoma from a colorectal primary (CDX2 positive, TTF-1 negative), liver.'],
    ['a record about another cancer', 'Breast oncology consult\nAssessment: invasive ductal adenocarcinoma of the left breast, ER positive.'],
    ['a section that lists tests', 'Genomic profiling report\nGENES ASSAYED\nEGFR ALK ROS1\nMETHODS\nValidated in adenocarcinoma and squamous cell carcinoma of the lung.'],
  ];
  it.each(table)('%s', (_, text) => expect(dx(text).histology).toBeNull());

  it('reads a specimen form whose histology cell holds only "Squamous cell", and lets prose with those words pass', () => {
    const form = 'Tissue specimen form\nSpecimen. Site. Histological type. Grade. Tumor. Lung, left. Squamous cell. 2. 70%. Blood. n/a.';
    expect(dx(form).histology).toBe('squamous cell carcinoma');
    expect(dx(PATH + 'Lung: adenocarcinoma. Cell type. Squamous cell. metaplasia of the bronchus.').histology).toBe('adenocarcinoma');
    expect(dx(PATH + 'Bronchial mucosa with squamous cell metaplasia; no malignancy.').histology).toBeNull();
    expect(dx(PATH + 'Lung: no squamous cell. No carcinoma.').histology).toBeNull();
  });

  it('keeps the diagnosis beside a negated second histology', () => {
    expect(dx(PATH + 'Lung: adenocarcinoma. No squamous component identified.').histology).toBe('adenocarcinoma');
  });
  it('does not let a negation reach across a comma-separated descriptor', () => {
    expect(dx(PATH + 'Lung, lobectomy: no necrosis, consistent with adenocarcinoma of lung origin.').histology).toBe('adenocarcinoma');
  });
});

describe('evidence', () => {
  it('quotes the words it was read from and marks OCR for checking', () => {
    const d = one(PATH + 'Lung biopsy: adenocarcinoma.', 'ocr').diagnosis;
    expect(d.evidence?.[0]?.quote).toContain('adenocarcinoma');
    expect(d.evidence?.[0]?.source).toBe('ocr');
    expect(d.needsCheck).toBe(true);
  });
});
