// Filing an appeal on a whole visit or on one of its answers (client users).
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { useFileAppeal } from '../../shared/api/queries';

export function AppealDialog({
  visitId,
  subject,
  onClose,
  onFiled,
}: {
  visitId: string;
  /** The question appealed (key and text), or null for the whole visit. */
  subject: { key: string; text: string } | null;
  onClose: () => void;
  onFiled: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const file = useFileAppeal(visitId);
  const submit = () =>
    file.mutate(
      { reason: reason.trim(), ...(subject ? { questionKey: subject.key } : {}) },
      {
        onSuccess: () => {
          onFiled();
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('visit.appealTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('visit.appealAbout', { subject: subject ? subject.text : t('visit.wholeVisit') })}</Text>
          <Textarea
            label={t('visit.reason')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          {file.isError && (
            <Alert color="red" role="alert">
              {file.error instanceof ApiError ? file.error.message : t('common.networkError')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={file.isPending} disabled={!reason.trim()}>
              {t('visit.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
