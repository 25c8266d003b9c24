// The report's evidence, viewed in the page: images, audio and PDF documents. Every file needs the bearer
// token, so each is fetched as a blob and shown through an object URL (revoked when it leaves).
import { Alert, Anchor, Card, Image, SimpleGrid, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';
import { useFormat } from '../../shared/format/format';
import { ErrorState, Loading } from '../../shared/layout/states';
import { useReportEvidence } from '../api';

type Evidence = components['schemas']['EvidenceView'];

function useBlobUrl(id: string) {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    authorizedFetch(`/evidence/${id}`)
      .then((response) => response.blob())
      .then((blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setState({ url, failed: false });
      })
      .catch(() => !cancelled && setState({ url: null, failed: true }));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return state;
}

function EvidenceItem({ evidence, n }: { evidence: Evidence; n: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const file = useBlobUrl(evidence.id);
  const title = t('console.report.evidenceItem', {
    n,
    type: evidence.mimeType,
    size: `${format.integer(Math.max(1, evidence.size / 1024))} kB`,
  });
  const isPdf = evidence.mimeType === 'application/pdf';
  return (
    <Card withBorder padding="sm" data-testid="evidence" data-kind={evidence.kind}>
      {file.url && evidence.kind === 'image' && <Image src={file.url} alt={title} h={220} fit="contain" />}
      {file.url && evidence.kind === 'audio' && <audio controls src={file.url} aria-label={title} style={{ width: '100%' }} />}
      {file.url && evidence.kind === 'video' && <video controls src={file.url} aria-label={title} style={{ width: '100%' }} />}
      {file.url && isPdf && <iframe src={file.url} title={title} style={{ width: '100%', height: 320, border: 0 }} />}
      {file.failed && (
        <Alert color="red" p="xs">
          {t('console.report.previewFailed')}
        </Alert>
      )}
      <Text size="sm" mt="xs">
        {file.url ? (
          <Anchor href={file.url} download={evidence.originalName ?? evidence.name}>
            {title}
          </Anchor>
        ) : (
          title
        )}
      </Text>
      {evidence.originalName && (
        <Text size="xs" c="dimmed">
          {evidence.originalName}
        </Text>
      )}
    </Card>
  );
}

export function EvidenceViewer({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const evidence = useReportEvidence(reportId);
  if (evidence.isPending) return <Loading />;
  if (evidence.isError) return <ErrorState error={evidence.error} onRetry={() => void evidence.refetch()} />;
  if (evidence.data.length === 0) return <Text c="dimmed">{t('console.report.noEvidence')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {evidence.data.map((item, index) => (
        <EvidenceItem key={item.id} evidence={item} n={index + 1} />
      ))}
    </SimpleGrid>
  );
}
