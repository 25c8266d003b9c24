// The PDF and Excel buttons: the file is fetched with the tab's token (a plain link could not send it),
// with the dashboard's filters and language; progress shows while the server prepares and sends it.
import { Alert, Button, Group, Progress, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch, ApiError } from '../../shared/api/client';
import type { DashboardFilters } from '../../shared/api/queries';
import { useLanguage } from '../../shared/i18n';
import { filterQuery } from './filters';

type Kind = 'pdf' | 'xlsx';
type State =
  | { status: 'idle' }
  | { status: 'busy'; kind: Kind; received: number; total: number | null }
  | { status: 'done'; name: string }
  | { status: 'failed'; message: string };

/** "attachment; filename*=UTF-8''oleada-2.pdf" → "oleada-2.pdf" */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

function kilobytes(bytes: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} kB`;
}

/** A campaign's report by default; `reportPath` names another (a program wave's: "/programs/…/waves/…/report"). */
export function Downloads({ campaignId, filters, reportPath }: { campaignId?: string; filters: DashboardFilters; reportPath?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, setState] = useState<State>({ status: 'idle' });

  const download = async (kind: Kind) => {
    setState({ status: 'busy', kind, received: 0, total: null });
    try {
      const query = filterQuery(filters);
      const response = await authorizedFetch(
        `${reportPath ?? `/campaigns/${campaignId}/report`}.${kind}?lang=${language}${query ? `&${query}` : ''}`,
      );
      const total = Number(response.headers.get('Content-Length')) || null;
      const chunks: Uint8Array[] = [];
      let received = 0;
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        setState({ status: 'busy', kind, received, total });
      }
      const name = fileNameOf(response.headers.get('Content-Disposition'), `report.${kind}`);
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? undefined }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ status: 'done', name });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : t('common.networkError');
      setState({ status: 'failed', message });
    }
  };

  const busy = state.status === 'busy';
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
        {busy && (
          <div role="status" data-testid="download-progress">
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
          <Text size="xs" c="dimmed" mt={4} data-testid="download-done">
            {t('dashboard.downloaded', { name: state.name })}
          </Text>
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
