/** English text of "Reports"; bundled into the lazy English dictionary (en.ts). */
import type { ReportsNavKey } from './reports-nav.vi.js';
import type { ReportsKey } from './reports.vi.js';

export const reportsEn: Record<ReportsKey | ReportsNavKey, string> = {
  'nav.reports': 'Reports',

  'rep.title': 'Reports',
  'rep.intro': 'The standard reports for your scope: view, print and download as Excel; the narrative report downloads as Word to edit and sign.',
  'rep.number': 'Report {number}',
  'rep.open': 'Open the report',
  'rep.unavailable': 'Not available yet',
  'rep.notAllowed': 'Your role cannot view this report.',
  'rep.catalogEmpty': 'No reports yet.',
  'rep.params': 'Report parameters',
  'rep.year': 'Year',
  'rep.fromYear': 'From year',
  'rep.set': 'Criteria set',
  'rep.setAuto': 'The set most used in the year',
  'rep.unit': 'Unit',
  'rep.unitHint': 'Leave empty for your whole scope.',
  'rep.commune': 'Commune',
  'rep.communeNeeded': 'Choose a commune to see its profile.',
  'rep.basis': 'Results counted',
  'rep.basis.all': 'Latest summary (self-assessments included)',
  'rep.basis.appraised': 'Appraised results only',
  'rep.downloadXlsx': 'Download Excel',
  'rep.downloadDocx': 'Download Word',
  'rep.print': 'Print the report',
  'rep.back': 'All reports',
  'rep.generatedAt': 'Generated {time}',
  'rep.demo': 'This report contains demonstration data (not real figures).',
  'rep.demoRow': 'demonstration data',
  'rep.empty': 'No figures for the chosen parameters.',
  'rep.shown': 'Showing {shown} of {total} rows; the Excel file has them all.',
  'rep.notes': 'Notes',
  'rep.openRow': 'Open',
};
