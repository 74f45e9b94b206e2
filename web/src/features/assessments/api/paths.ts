/** The assessment endpoints (src/modules/assessments/*.routes.ts), in one place. */
const e = encodeURIComponent;

export const paths = {
  cycles: '/api/cycles',
  cycle: (id: string) => `/api/cycles/${e(id)}`,
  assessments: '/api/assessments',
  assessment: (id: string) => `/api/assessments/${e(id)}`,
  form: (id: string) => `/api/assessments/${e(id)}/form`,
  history: (id: string) => `/api/assessments/${e(id)}/history`,
  result: (id: string, code: string) => `/api/assessments/${e(id)}/results/${e(code)}`,
  evidence: (id: string, code: string) => `/api/assessments/${e(id)}/results/${e(code)}/evidence`,
  evidenceFile: (id: string, code: string, fileId: string) => `/api/assessments/${e(id)}/results/${e(code)}/evidence/${e(fileId)}`,
  action: (id: string, action: 'submit' | 'verdicts' | 'return' | 'review' | 'forward' | 'appraise' | 'reopen') =>
    `/api/assessments/${e(id)}/${action === 'return' ? 'returns' : action}`,
};
