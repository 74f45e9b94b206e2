/**
 * "Tải lên ranh giới": the steering office uploads a GeoJSON of one province's communes. A refused file shows the
 * server's per-feature report (nothing was saved); an accepted one shows what was stored and which communes lack a
 * boundary.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { BoundaryReport, UploadBoundariesResponse } from '../../../../../src/contracts/maps.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { Field, TextField } from '../../../components/field.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { useUploadBoundaries } from '../api/upload-boundaries.js';

export function BoundaryUpload({ defaultYear }: { defaultYear: number }): ReactNode {
  const { t, number } = useI18n();
  const upload = useUploadBoundaries();
  const [name, setName] = useState('');
  const [yearFrom, setYearFrom] = useState(String(defaultYear));
  const [yearTo, setYearTo] = useState('');
  const [codeProperty, setCodeProperty] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<{ name?: string; file?: string }>({});
  const [done, setDone] = useState<UploadBoundariesResponse | null>(null);

  const refusedReport = isApiError(upload.error) ? (upload.error.details.report as BoundaryReport | undefined) : undefined;
  const fieldError = (path: string) => (isApiError(upload.error) ? upload.error.fields.find((f) => f.path === path)?.message : undefined);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs = { ...(name.trim() ? {} : { name: t('map.up.noName') }), ...(file ? {} : { file: t('map.up.noFile') }) };
    setErrors(errs);
    if (!file || Object.keys(errs).length) return;
    setDone(null);
    setProgress(0);
    upload.mutate(
      {
        file,
        name: name.trim(),
        yearFrom: Number(yearFrom),
        yearTo: yearTo ? Number(yearTo) : undefined,
        codeProperty: codeProperty.trim() || undefined,
        onProgress: setProgress,
      },
      { onSuccess: setDone, onSettled: () => setProgress(null) },
    );
  };

  return (
    <section className="card map-panel" aria-labelledby="map-upload-title">
      <h2 id="map-upload-title">{t('map.up.title')}</h2>
      <p className="muted">{t('map.up.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="map-upload">
        <div className="map-upload-fields">
          <TextField label={t('map.up.name')} value={name} onChange={(e) => setName(e.target.value)} required error={errors.name} maxLength={200} />
          <TextField
            label={t('map.up.yearFrom')}
            hint={t('map.up.yearFromHint')}
            inputMode="numeric"
            value={yearFrom}
            onChange={(e) => setYearFrom(e.target.value.replace(/\D/g, '').slice(0, 4))}
            required
            error={fieldError('yearFrom')}
          />
          <TextField
            label={t('map.up.yearTo')}
            hint={t('map.up.yearToHint')}
            inputMode="numeric"
            value={yearTo}
            onChange={(e) => setYearTo(e.target.value.replace(/\D/g, '').slice(0, 4))}
            error={fieldError('yearTo')}
          />
          <TextField label={t('map.up.codeProperty')} hint={t('map.up.codeHint')} value={codeProperty} onChange={(e) => setCodeProperty(e.target.value)} maxLength={64} />
        </div>
        <Field label={t('map.up.file')} required error={errors.file}>
          {(c) => <input {...c} type="file" className="input" accept=".geojson,.json,application/geo+json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <div>
          <Button type="submit" variant="primary" busy={upload.isPending}>
            {t('map.up.submit')}
          </Button>
        </div>
        {progress !== null ? (
          <p role="status" className="muted">
            {progress < 1 ? t('map.up.progress', { pct: Math.round(progress * 100) }) : t('map.up.checking')}
          </p>
        ) : null}
      </form>

      {refusedReport ? (
        <div role="alert">
          <p className="alert alert-error">{t('map.up.refused', { n: number(refusedReport.issues.length) })}</p>
          <Table caption={t('map.up.reportCaption')}>
            <thead>
              <tr>
                <th scope="col">{t('map.up.feature')}</th>
                <th scope="col">{t('map.up.code')}</th>
                <th scope="col">{t('map.up.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {refusedReport.issues.map((i, k) => (
                <tr key={k}>
                  <Cell label={t('map.up.feature')}>{i.feature ?? t('map.up.wholeFile')}</Cell>
                  <Cell label={t('map.up.code')}>{i.code ?? '—'}</Cell>
                  <Cell label={t('map.up.problem')}>{i.message}</Cell>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : upload.error ? (
        <ErrorMessage error={upload.error} />
      ) : null}

      {done ? (
        <div role="status">
          <p className="alert alert-ok">
            {t('map.up.done', {
              name: done.set.name,
              n: number(done.set.featureCount),
              before: number(done.report.pointsOriginal),
              after: number(done.report.pointsSimplified),
              kb: number(Math.max(1, Math.round(done.report.payloadGzipBytes / 1024))),
            })}
          </p>
          {done.report.missingUnits.length ? (
            <details>
              <summary>{t('map.up.missing', { n: number(done.report.missingUnits.length) })}</summary>
              <p className="map-report-missing">{done.report.missingUnits.map((u) => `${u.name}${u.code ? ` (${u.code})` : ''}`).join(', ')}</p>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
