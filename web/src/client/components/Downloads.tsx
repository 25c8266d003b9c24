// The PDF and Excel buttons: the file is fetched with the tab's token (a plain link could not send it),
// with the dashboard's filters and language; progress shows while the server prepares and sends it.
// A large campaign's report is built by a report job instead (POST /campaigns/:id/report-jobs), whose
// progress is polled until its file can be fetched: a direct download would keep a request open for minutes.
import { Alert, Button, Group, Progress, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, authorizedFetch, ApiError, unwrap } from '../../shared/api/client';
import { saveFile } from '../../shared/api/save-file';
import type { DashboardFilters } from '../../shared/api/queries';
import type { components } from '../../shared/api/schema';
import { useFormat } from '../../shared/format/format';
import { useLanguage } from '../../shared/i18n';
import { filterQuery } from './filters';

/** From this many visits in scope a campaign's report is built by a report job. */
export const REPORT_JOB_MIN_VISITS = 5000;
/** How often a report job's progress is asked for. */
const POLL_MS = 1000;

type Kind = 'pdf' | 'xlsx';
type ReportJob = components['schemas']['ReportJobView'];
type State =
  | { status: 'idle' }
  | { status: 'building'; kind: Kind; job: ReportJob }
  | { status: 'busy'; kind: Kind; received: number; total: number | null; fromCache: boolean }
  | { status: 'done'; name: string; fromCache: boolean }
  | { status: 'failed'; message: string };

function kilobytes(bytes: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} kB`;
}

/** Waits `ms`, or rejects as soon as `signal` aborts (the component went away). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * A campaign's report by default; `reportPath` names another (a program wave's: "/programs/…/waves/…/report").
 * `visits`: how many visits the campaign's report covers with these filters; from REPORT_JOB_MIN_VISITS on it
 * is built by a report job.
 */
export function Downloads({
  campaignId,
  filters,
  reportPath,
  visits,
}: {
  campaignId?: string;
  filters: DashboardFilters;
  reportPath?: string;
  visits?: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  const [state, setState] = useState<State>({ status: 'idle' });
  // Aborted when the component goes away: no more polling, no file saved for a page the user left.
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  const byJob = campaignId !== undefined && reportPath === undefined && (visits ?? 0) >= REPORT_JOB_MIN_VISITS;

  /** Starts a report job and polls it until it is done or failed, showing its progress meanwhile. */
  const finishedJob = async (id: string, kind: Kind, signal: AbortSignal): Promise<ReportJob> => {
    let job = unwrap(
      await api.POST('/campaigns/{id}/report-jobs', {
        params: { path: { id } },
        body: { format: kind, lang: language, filters: filters as components['schemas']['KpiQueryDto'] },
        signal,
      }),
    );
    while (job.state === 'queued' || job.state === 'running') {
      setState({ status: 'building', kind, job });
      await pause(POLL_MS, signal);
      job = unwrap(await api.GET('/report-jobs/{id}', { params: { path: { id: job.id } }, signal }));
    }
    return job;
  };

  const download = async (kind: Kind) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const { signal } = controller;
    try {
      let response: Response;
      let fromCache = false;
      if (byJob) {
        setState({ status: 'busy', kind, received: 0, total: null, fromCache });
        const job = await finishedJob(campaignId, kind, signal);
        if (job.state === 'failed') {
          setState({ status: 'failed', message: job.error ?? t('dashboard.jobFailed') });
          return;
        }
        fromCache = job.fromCache;
        setState({ status: 'busy', kind, received: 0, total: null, fromCache });
        response = await authorizedFetch(`/report-jobs/${job.id}/download`, { signal });
      } else {
        setState({ status: 'busy', kind, received: 0, total: null, fromCache });
        const query = filterQuery(filters);
        response = await authorizedFetch(
          `${reportPath ?? `/campaigns/${campaignId}/report`}.${kind}?lang=${language}${query ? `&${query}` : ''}`,
          { signal },
        );
      }
      const name = await saveFile(response, `report.${kind}`, (received, total) =>
        setState({ status: 'busy', kind, received, total, fromCache }),
      );
      setState({ status: 'done', name, fromCache });
    } catch (error) {
      if (signal.aborted) return;
      const message = error instanceof ApiError ? error.message : t('common.networkError');
      setState({ status: 'failed', message });
    }
  };

  const busy = state.status === 'busy' || state.status === 'building';
  const cachedNote = (
    <Text size="xs" c="dimmed" mt={4} data-testid="report-cached">
      {t('dashboard.jobCached')}
    </Text>
  );
  return (
    <div>
      <Group gap="xs">
        <Button
          variant="light"
          onClick={() => void download('pdf')}
          loading={busy && state.kind === 'pdf'}
          disabled={busy}
          data-testid="download-pdf"
        >
          {t('dashboard.downloadPdf')}
        </Button>
        <Button
          variant="light"
          onClick={() => void download('xlsx')}
          loading={busy && state.kind === 'xlsx'}
          disabled={busy}
          data-testid="download-xlsx"
        >
          {t('dashboard.downloadXlsx')}
        </Button>
      </Group>
      <div aria-live="polite">
        {state.status === 'building' && (
          <div role="status" data-testid="report-job" data-state={state.job.state} data-progress={state.job.progress}>
            <Text size="xs" c="dimmed" mt={4}>
              {state.job.state === 'queued'
                ? t('dashboard.jobQueued')
                : t('dashboard.jobRunning', { percent: format.percent(state.job.progress, 0) })}
            </Text>
            <Progress mt={4} size="sm" value={state.job.progress} animated striped aria-label={t('dashboard.jobProgress')} />
          </div>
        )}
        {state.status === 'busy' && (
          <div role="status" data-testid="download-progress">
            {state.fromCache && cachedNote}
            <Text size="xs" c="dimmed" mt={4}>
              {state.received === 0
                ? t('dashboard.preparing')
                : t('dashboard.received', { size: kilobytes(state.received, language === 'es' ? 'es-ES' : 'en-GB') })}
            </Text>
            <Progress
              mt={4}
              size="sm"
              value={state.total ? (100 * state.received) / state.total : 100}
              animated={!state.total}
              striped={!state.total}
              aria-label={t('dashboard.preparing')}
            />
          </div>
        )}
        {state.status === 'done' && (
          <>
            {state.fromCache && cachedNote}
            <Text size="xs" c="dimmed" mt={4} data-testid="download-done">
              {t('dashboard.downloaded', { name: state.name })}
            </Text>
          </>
        )}
      </div>
      {state.status === 'failed' && (
        <Alert
          color="red"
          mt="xs"
          role="alert"
          data-testid="download-error"
          withCloseButton
          onClose={() => setState({ status: 'idle' })}
          closeButtonLabel={t('common.close')}
        >
          {t('dashboard.downloadFailed', { message: state.message })}
        </Alert>
      )}
    </div>
  );
}
