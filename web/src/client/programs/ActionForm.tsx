// A new action-plan item, opened from a priority: its measure and channel come filled in; the owner and the
// due date are asked. It answers the wave on screen, so the next wave's model measures it before → after.
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { channelName } from '@server/exports/i18n';
import { measureTitle, programLabelsFor } from '@server/exports/program/i18n';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { useCreateProgramAction, type NewProgramAction, type ProgramModel } from '../../shared/api/queries';
import { useLanguage, useReportLabels } from '../../shared/i18n';

type Channel = NonNullable<NewProgramAction['channels']>[number];

export function ActionForm({
  model,
  programId,
  initial,
  onClose,
  onCreated,
}: {
  model: ProgramModel;
  programId: string;
  initial: { measureKey: string; channel: Channel } | null;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const words = programLabelsFor(useLanguage());
  const create = useCreateProgramAction(programId);
  const [measureKey, setMeasureKey] = useState(initial?.measureKey ?? '');
  const [channels, setChannels] = useState<string[]>(initial ? [initial.channel] : []);
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const measure = model.measures.find((item) => item.key === measureKey);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!measureKey || !owner.trim() || !dueOn) return;
    create.mutate(
      {
        measureKey,
        channels: channels as Channel[],
        owner: owner.trim(),
        dueOn,
        state: 'open',
        waveId: model.wave.id,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onCreated },
    );
  };

  const title =
    initial && measure
      ? t('programs.planActionFor', { measure: measureTitle(measure, labels), channel: channelName(labels, initial.channel) })
      : t('programs.newAction');
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form onSubmit={submit} noValidate data-testid="action-form">
        <Stack gap="sm">
          <Select
            label={words.measure}
            data={model.measures.map((item) => ({ value: item.key, label: measureTitle(item, labels) }))}
            value={measureKey || null}
            onChange={(value) => setMeasureKey(value ?? '')}
            required
            searchable
            error={tried && !measureKey ? t('programs.required') : undefined}
          />
          <MultiSelect
            label={t('programs.channels')}
            placeholder={channels.length ? undefined : labels.channels}
            data={model.channels.map((item) => ({ value: item.channel, label: channelName(labels, item.channel) }))}
            value={channels}
            onChange={setChannels}
            clearable
          />
          <TextInput
            label={t('programs.owner')}
            description={t('programs.ownerHint')}
            value={owner}
            onChange={(event) => setOwner(event.currentTarget.value)}
            required
            maxLength={200}
            error={tried && !owner.trim() ? t('programs.required') : undefined}
            data-testid="action-owner"
          />
          <TextInput
            type="date"
            label={t('programs.dueOn')}
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
            required
            error={tried && !dueOn ? t('programs.required') : undefined}
            data-testid="action-due"
          />
          <Textarea
            label={t('programs.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          {create.isError && (
            <Alert color="red" role="alert">
              {create.error instanceof ApiError ? create.error.message : t('common.networkError')}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('programs.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="action-save">
              {t('programs.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
