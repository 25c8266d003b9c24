// The program's priorities: each (measure, channel) below the measure's best channel, by gap × share, with
// the advice of that channel's questionnaire; each can become an action-plan item.
import { Alert, Button, List, Text } from '@mantine/core';
import { channelName } from '@server/exports/i18n';
import { measureTitle, type ProgramLabels } from '@server/exports/program/i18n';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramModel } from '../../shared/api/queries';
import { useReportLabels } from '../../shared/i18n';
import { Figure } from '../components/Figure';
import { Section } from '../components/Section';
import { ActionForm } from './ActionForm';

type Priority = ProgramModel['priorities'][number];
const SHOWN = 8;

export function Priorities({ model, programId, words }: { model: ProgramModel; programId: string; words: ProgramLabels }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const [planning, setPlanning] = useState<Priority | null>(null);
  const [added, setAdded] = useState(false);
  const measures = new Map(model.measures.map((measure) => [measure.key, measure]));
  const title = (key: string) => {
    const measure = measures.get(key);
    return measure ? measureTitle(measure, labels) : key;
  };

  return (
    <Section id="priorities" title={words.prioritiesTitle} description={words.prioritiesCaption}>
      <div aria-live="polite">
        {added && (
          <Alert
            color="teal"
            mb="sm"
            withCloseButton
            onClose={() => setAdded(false)}
            closeButtonLabel={t('common.close')}
            data-testid="action-added"
          >
            {t('programs.added')}
          </Alert>
        )}
      </div>
      {model.priorities.length === 0 ? (
        <Text c="dimmed">{words.noPriorities}</Text>
      ) : (
        <List type="ordered" spacing="md">
          {model.priorities.slice(0, SHOWN).map((priority) => {
            const path = `priorities[measureKey=${priority.measureKey},channel=${priority.channel}]`;
            const name = `${title(priority.measureKey)} · ${channelName(labels, priority.channel)}`;
            return (
              <List.Item key={`${priority.measureKey}-${priority.channel}`} data-priority={`${priority.measureKey}:${priority.channel}`}>
                <Text fw={600} size="sm">
                  {name}
                </Text>
                <Text size="sm" c="gray.7">
                  {words.gap}: <Figure kpi={`${path}.gap`} format="decimal" value={priority.gap} /> {labels.points} · {words.share}:{' '}
                  <Figure kpi={`${path}.share`} format="percent" value={priority.share} /> · {words.impact}:{' '}
                  <Figure kpi={`${path}.impact`} format="decimal" value={priority.impact} />
                </Text>
                {priority.advice && (
                  <Text size="sm" mt={2}>
                    <Text span inherit fw={600}>
                      {t('dashboard.advice')}:
                    </Text>{' '}
                    {priority.advice}
                  </Text>
                )}
                <Button
                  size="compact-sm"
                  variant="light"
                  mt={6}
                  onClick={() => {
                    setAdded(false);
                    setPlanning(priority);
                  }}
                  aria-label={`${t('programs.planAction')}: ${name}`}
                >
                  {t('programs.planAction')}
                </Button>
              </List.Item>
            );
          })}
        </List>
      )}
      {planning && (
        <ActionForm
          model={model}
          programId={programId}
          initial={{ measureKey: planning.measureKey, channel: planning.channel }}
          onClose={() => setPlanning(null)}
          onCreated={() => {
            setPlanning(null);
            setAdded(true);
          }}
        />
      )}
    </Section>
  );
}
