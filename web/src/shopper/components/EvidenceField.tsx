// Evidence for one question: a photo from the camera, a screenshot or document, a recording. Each file is
// kept on the phone first, then uploaded with a progress bar; a failed upload can be retried (same
// Idempotency-Key, so it is stored once); the question is answered with the uploaded files' ids.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch } from '../../shared/api/client';
import { useSession } from '../../shared/auth/RequireAuth';
import { loadBlob, newId, saveBlob, type EvidenceItem } from '../draft-store';
import { ensureUploaded, LOST_FILE, useUploadStates } from '../outbox';

interface Props {
  label: ReactNode;
  questionKey: string;
  questionText: string;
  assignmentId: string;
  items: EvidenceItem[];
  onChange: (items: EvidenceItem[]) => Promise<unknown>;
  disabled: boolean;
}

const PICKERS = [
  { kind: 'photo', accept: 'image/*', capture: 'environment', label: 'shopper.evidence.takePhoto' },
  { kind: 'file', accept: 'image/*,application/pdf', capture: undefined, label: 'shopper.evidence.chooseFile' },
  { kind: 'audio', accept: 'audio/*', capture: 'user', label: 'shopper.evidence.recordAudio' },
] as const;

export function EvidenceField({ label, questionKey, questionText, assignmentId, items, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const userId = session?.user.id ?? '';
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});
  const upload = (item: EvidenceItem) => ensureUploaded(userId, assignmentId, questionKey, item).catch(() => undefined);

  // Files still on the phone go up when the network comes back.
  useEffect(() => {
    const retry = () => items.filter((item) => !item.evidenceId && !item.rejected).forEach((item) => void upload(item));
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  });

  const pick = async (files: FileList | null) => {
    if (!files?.length) return;
    const added: EvidenceItem[] = [];
    for (const file of Array.from(files)) {
      const item: EvidenceItem = {
        localId: newId(),
        idempotencyKey: newId(),
        fileName: file.name || 'evidence',
        mimeType: file.type,
        size: file.size,
      };
      await saveBlob(item.localId, file);
      added.push(item);
    }
    await onChange([...items, ...added]);
    if (navigator.onLine) added.forEach((item) => void upload(item));
  };

  return (
    <Stack gap="xs" role="group" aria-label={questionText}>
      <Text size="sm" fw={600} component="div">
        {label}
      </Text>
      <Group gap="xs">
        {PICKERS.map((picker) => (
          <span key={picker.kind}>
            <input
              ref={(element) => {
                inputs.current[picker.kind] = element;
              }}
              type="file"
              hidden
              tabIndex={-1}
              accept={picker.accept}
              capture={picker.capture}
              multiple={picker.kind !== 'photo'}
              data-kind={picker.kind}
              aria-hidden
              onChange={(event) => {
                void pick(event.currentTarget.files);
                event.currentTarget.value = '';
              }}
            />
            <Button variant="light" size="sm" disabled={disabled} onClick={() => inputs.current[picker.kind]?.click()}>
              {t(picker.label)}
            </Button>
          </span>
        ))}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('shopper.evidence.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={item.localId}>
              <EvidenceRow
                item={item}
                disabled={disabled}
                onRetry={() => void upload(item)}
                onRemove={() => void onChange(items.filter((other) => other.localId !== item.localId))}
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function EvidenceRow({
  item,
  disabled,
  onRetry,
  onRemove,
}: {
  item: EvidenceItem;
  disabled: boolean;
  onRetry: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const state = useUploadStates().get(item.localId);
  const thumbnail = useThumbnail(item);
  const status = item.evidenceId
    ? t('shopper.evidence.uploaded')
    : item.rejected === LOST_FILE
      ? t('shopper.evidence.lost')
      : item.rejected
        ? t('shopper.evidence.rejected', { reason: item.rejected })
        : state?.uploading
          ? t('shopper.evidence.uploading', { name: item.fileName })
          : state?.error
            ? t('shopper.evidence.failed')
            : t('shopper.evidence.waiting');
  return (
    <Group gap="sm" wrap="nowrap" align="center" data-evidence={item.evidenceId ?? ''} data-local-id={item.localId}>
      {thumbnail ? (
        <img className="evidence-thumb" src={thumbnail} alt={t('shopper.evidence.thumbnail', { name: item.fileName })} />
      ) : (
        <div className="evidence-thumb" aria-hidden style={{ display: 'grid', placeItems: 'center', fontSize: 12 }}>
          {item.mimeType.startsWith('audio/') ? '♪' : item.mimeType.split('/')[1]?.toUpperCase().slice(0, 4)}
        </div>
      )}
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" truncate="end">
          {item.fileName}
        </Text>
        {!item.evidenceId && !item.rejected && (
          <Progress
            value={Math.round((state?.progress ?? 0) * 100)}
            size="sm"
            aria-label={t('shopper.evidence.uploading', { name: item.fileName })}
          />
        )}
        <Text size="xs" c={item.rejected || state?.error ? 'red.8' : 'dimmed'} role="status" data-upload-status>
          {status}
        </Text>
      </Stack>
      <Stack gap={4}>
        {!item.evidenceId && !item.rejected && !state?.uploading && (
          <Button size="compact-sm" variant="light" onClick={onRetry} disabled={disabled}>
            {t('shopper.evidence.retry')}
          </Button>
        )}
        <Button
          size="compact-sm"
          variant="subtle"
          color="red.8"
          onClick={onRemove}
          disabled={disabled}
          aria-label={t('shopper.evidence.remove', { name: item.fileName })}
        >
          ✕
        </Button>
      </Stack>
    </Group>
  );
}

/** A picture of the file: from the phone while it waits, from the API once uploaded. */
function useThumbnail(item: EvidenceItem): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const isImage = item.mimeType.startsWith('image/');
  useEffect(() => {
    if (!isImage) return;
    let live = true;
    let objectUrl: string | null = null;
    const load = async () => {
      const local = await loadBlob(item.localId);
      const blob = local ?? (item.evidenceId ? await (await authorizedFetch(`/evidence/${item.evidenceId}`)).blob() : null);
      if (!blob || !live) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    };
    load().catch(() => undefined);
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [item.localId, item.evidenceId, isImage]);
  return url;
}
