// The visit's evidence: images previewed and audio playable in the page, every file downloadable. The
// files need the bearer token, so each is fetched as a blob and shown through an object URL.
import { Alert, Button, Card, Image, SimpleGrid, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch } from '../../shared/api/client';
import { useEvidence, type Evidence } from '../../shared/api/queries';
import { useFormat } from '../../shared/format/format';
import { ErrorState, Loading } from '../../shared/layout/states';

function useBlobUrl(evidence: Evidence, enabled: boolean) {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    if (!enabled) return;
    let url: string | null = null;
    let cancelled = false;
    authorizedFetch(`/evidence/${evidence.id}`)
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
  }, [evidence.id, enabled]);
  return state;
}

function EvidenceCard({ evidence, n }: { evidence: Evidence; n: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kind = evidence.mimeType.startsWith('image/') ? 'image' : evidence.mimeType.startsWith('audio/') ? 'audio' : 'file';
  const preview = useBlobUrl(evidence, kind !== 'file');
  const [downloading, setDownloading] = useState(false);
  const title = t('visit.evidenceItem', {
    n,
    type: evidence.mimeType,
    size: `${format.integer(Math.max(1, evidence.sizeBytes / 1024))} kB`,
  });
  const download = async () => {
    setDownloading(true);
    try {
      const blob = await (await authorizedFetch(`/evidence/${evidence.id}`)).blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `evidence-${n}.${evidence.mimeType.split('/')[1] ?? 'bin'}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="evidence">
      {kind === 'image' && preview.url && <Image src={preview.url} alt={title} h={160} fit="contain" />}
      {kind === 'audio' && preview.url && <audio controls src={preview.url} aria-label={title} style={{ width: '100%' }} />}
      {preview.failed && (
        <Alert color="red" p="xs">
          {t('visit.previewFailed')}
        </Alert>
      )}
      <Text size="sm" mt="xs">
        {title}
      </Text>
      <Button size="compact-sm" variant="light" mt="xs" onClick={() => void download()} loading={downloading}>
        {t('visit.downloadEvidence')}
      </Button>
    </Card>
  );
}

export function EvidenceList({ visitId }: { visitId: string }) {
  const { t } = useTranslation();
  const evidence = useEvidence(visitId);
  if (evidence.isPending) return <Loading />;
  if (evidence.isError) return <ErrorState error={evidence.error} onRetry={() => void evidence.refetch()} />;
  if (evidence.data.length === 0) return <Text c="dimmed">{t('visit.noEvidence')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      {evidence.data.map((item, index) => (
        <EvidenceCard key={item.id} evidence={item} n={index + 1} />
      ))}
    </SimpleGrid>
  );
}
