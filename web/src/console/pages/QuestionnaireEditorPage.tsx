// The questionnaire editor: title and language, sections (weights) and their questions of every type, the
// checker's problems (422 details) beside the fields they name, a live preview as a shopper sees the form on
// a chosen channel, publish, a new version from a published one, and what changed between two versions.
// A new questionnaire lives in the page until its first save creates the draft (POST); later saves PUT it.
import { Alert, Badge, Button, Card, Grid, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api/client';
import { ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import {
  ConsoleApiError,
  unwrapDetailed,
  useQuestionnaire,
  type ErrorDetail,
  type Questionnaire,
  type QuestionBody,
  type QuestionnaireBody,
  type SectionBody,
} from '../api';
import { FormPreview } from '../components/FormPreview';
import { ProblemsContext, OtherProblems, problemAt, withoutProblemsAt } from '../components/problems';
import { QuestionEditor } from '../components/QuestionEditor';
import { diffVersions } from '../components/versionDiff';
import '../strings';

const AUTOSAVE_MS = 1500;
const blankQuestion = (n: number): QuestionBody => ({ key: `q${n}`, text: '', type: 'yes_no', maxPoints: 1 }) as QuestionBody;
const blankSection = (n: number): SectionBody => ({ key: `section_${n}`, title: '', weight: 1, questions: [] });

function bodyOf(questionnaire: Questionnaire): QuestionnaireBody {
  const { title, language, sections, themes } = questionnaire;
  return themes?.length ? { title, language, sections, themes } : { title, language, sections };
}

export default function QuestionnaireEditorPage() {
  const { questionnaireId } = useParams();
  const questionnaire = useQuestionnaire(questionnaireId);
  if (!questionnaireId) return <Editor key="new" initial={{ title: '', language: 'es', sections: [blankSection(1)] }} />;
  if (questionnaire.isPending) return <Loading />;
  if (questionnaire.isError) return <ErrorState error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />;
  return (
    <Editor key={`${questionnaire.data.id}-${questionnaire.data.status}`} initial={bodyOf(questionnaire.data)} saved={questionnaire.data} />
  );
}

function Editor({ initial, saved }: { initial: QuestionnaireBody; saved?: Questionnaire }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [body, setBody] = useState<QuestionnaireBody>(initial);
  const [problems, setProblems] = useState<ErrorDetail[]>([]);
  const [dirty, setDirty] = useState(!saved);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const readOnly = saved?.status === 'published';
  const counter = body.sections.reduce((sum, section) => sum + section.questions.length, 0) + 1;

  // Counts edits, so a save that finishes after a later edit does not mark that edit as saved.
  const revision = useRef(0);
  const change = (path: string, next: QuestionnaireBody) => {
    revision.current += 1;
    setBody(next);
    setDirty(true);
    setNotice(null);
    setProblems((current) => withoutProblemsAt(current, path));
  };
  const setSection = (index: number, field: keyof SectionBody, value: unknown) =>
    change(`sections[${index}].${field}`, {
      ...body,
      sections: body.sections.map((section, i) => (i === index ? { ...section, [field]: value } : section)),
    });
  const setQuestions = (index: number, questions: QuestionBody[], path: string) =>
    change(path, { ...body, sections: body.sections.map((section, i) => (i === index ? { ...section, questions } : section)) });

  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['console', 'questionnaires'] });
  const reportFailure = (error: unknown) => {
    if (error instanceof ConsoleApiError && error.details.length && (error.status === 422 || error.status === 400)) {
      setProblems(error.details);
      setFailure(t('console.editor.problems', { count: error.details.length }));
    } else setFailure(error instanceof Error ? error.message : String(error));
  };
  const save = useMutation({
    mutationFn: async ({ sent }: { sent: number; auto?: boolean }) => {
      void sent;
      return saved
        ? unwrapDetailed(await api.PUT('/questionnaires/{id}', { params: { path: { id: saved.id } }, body }))
        : unwrapDetailed(await api.POST('/questionnaires', { body }));
    },
    onMutate: () => (setFailure(null), setNotice(null)),
    onSuccess: (result, { sent, auto }) => {
      setProblems([]);
      if (sent === revision.current) setDirty(false);
      void invalidate();
      queryClient.setQueryData(['console', 'questionnaire', result.id], result);
      if (!saved) navigate(`/console/questionnaires/${result.id}`, { replace: true });
      else setNotice(t(auto ? 'console.editor.autoSaved' : 'console.editor.saved'));
    },
    onError: reportFailure,
  });
  const saveNow = (auto = false) => save.mutate({ sent: revision.current, auto });
  // A saved draft is checked and saved by the API a moment after each edit: its problems appear as the
  // consultant types, beside their fields (a draft with problems is not stored until they are fixed).
  useEffect(() => {
    if (!saved || readOnly || !dirty) return;
    const timer = setTimeout(() => saveNow(true), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [body]); // eslint-disable-line react-hooks/exhaustive-deps
  const publish = useMutation({
    mutationFn: async (id: string) => unwrapDetailed(await api.POST('/questionnaires/{id}/publish', { params: { path: { id } } })),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      void invalidate();
      queryClient.setQueryData(['console', 'questionnaire', result.id], result);
      void queryClient.invalidateQueries({ queryKey: ['console', 'questionnaire', result.id] });
    },
    onError: reportFailure,
  });
  const newVersion = useMutation({
    mutationFn: async (id: string) => unwrapDetailed(await api.POST('/questionnaires/{id}/versions', { params: { path: { id } } })),
    onSuccess: (result) => {
      void invalidate();
      navigate(`/console/questionnaires/${result.id}`);
    },
    onError: reportFailure,
  });

  // Ctrl+S / ⌘S saves the draft.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && !readOnly) {
        event.preventDefault();
        saveNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, save]);

  const allQuestions = body.sections.flatMap((section) => section.questions);
  return (
    <ProblemsContext.Provider value={problems}>
      <Stack gap="md" data-testid="editor" data-status={saved?.status ?? 'new'} data-dirty={dirty ? 'yes' : 'no'}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text size="sm">
              <Link to="/console/questionnaires">{t('console.editor.back')}</Link>
            </Text>
            <Title order={1} size="h2">
              {body.title || t('console.q.newTitle')}
            </Title>
            <Group gap="xs">
              {saved && <Badge variant="light">{t(`console.q.statusNames.${saved.status}`)}</Badge>}
              {saved && (
                <Text size="sm" c="dimmed">
                  {t('console.q.version')} {saved.version}
                </Text>
              )}
              {dirty && !readOnly && (
                <Text size="sm" c="dimmed" data-testid="unsaved">
                  {t('console.editor.unsaved')}
                </Text>
              )}
            </Group>
          </Stack>
          <Group gap="xs">
            {!readOnly && (
              <Button onClick={() => saveNow()} loading={save.isPending} data-testid="save">
                {t('console.editor.save')}
              </Button>
            )}
            {saved && !readOnly && (
              <Button
                variant="default"
                disabled={dirty}
                onClick={() => publish.mutate(saved.id)}
                loading={publish.isPending}
                data-testid="publish"
              >
                {t('console.editor.publish')}
              </Button>
            )}
            {saved && readOnly && (
              <Button onClick={() => newVersion.mutate(saved.id)} loading={newVersion.isPending} data-testid="new-version">
                {t('console.editor.newVersion')}
              </Button>
            )}
          </Group>
        </Group>
        {readOnly && <Alert color="blue">{t('console.editor.readOnly', { version: saved!.version })}</Alert>}
        {notice && (
          <Alert color="teal" role="status" data-testid="editor-notice">
            {notice}
          </Alert>
        )}
        {failure && (
          <Alert color="red" role="alert" data-testid="editor-failure" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
            {failure}
            <OtherProblems prefix="" shown={(field) => field.startsWith('sections[') || field === 'title' || field === 'language'} />
          </Alert>
        )}

        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Stack gap="md">
                <Group grow align="flex-start">
                  <TextInput
                    label={t('console.editor.titleField')}
                    value={body.title}
                    error={problemAt(problems, 'title')}
                    onChange={(event) => change('title', { ...body, title: event.currentTarget.value })}
                    data-field="title"
                  />
                  <Select
                    label={t('console.editor.language')}
                    data={[
                      { value: 'es', label: 'Español' },
                      { value: 'en', label: 'English' },
                    ]}
                    value={body.language}
                    allowDeselect={false}
                    error={problemAt(problems, 'language')}
                    onChange={(value) => value && change('language', { ...body, language: value as 'es' | 'en' })}
                  />
                </Group>
                {body.sections.map((section, sectionIndex) => {
                  const sectionPath = `sections[${sectionIndex}]`;
                  const before = body.sections.slice(0, sectionIndex).flatMap((item) => item.questions);
                  const sectionLabel = t('console.editor.section', { n: sectionIndex + 1 });
                  return (
                    <Card
                      withBorder
                      padding="sm"
                      bg="gray.0"
                      key={sectionIndex}
                      data-section-path={sectionPath}
                      component="section"
                      aria-label={sectionLabel}
                    >
                      <Stack gap="sm">
                        <Group justify="space-between">
                          <Title order={2} size="h4">
                            {sectionLabel}
                          </Title>
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => change(sectionPath, { ...body, sections: body.sections.filter((_, i) => i !== sectionIndex) })}
                          >
                            {t('console.editor.removeSection')}
                          </Button>
                        </Group>
                        <Group grow align="flex-start">
                          <TextInput
                            label={t('console.editor.sectionKey')}
                            value={section.key}
                            error={problemAt(problems, `${sectionPath}.key`)}
                            onChange={(event) => setSection(sectionIndex, 'key', event.currentTarget.value)}
                          />
                          <TextInput
                            label={t('console.editor.sectionTitle')}
                            value={section.title}
                            error={problemAt(problems, `${sectionPath}.title`)}
                            onChange={(event) => setSection(sectionIndex, 'title', event.currentTarget.value)}
                          />
                          <NumberInput
                            label={t('console.editor.weight')}
                            min={0}
                            decimalScale={2}
                            value={section.weight ?? ''}
                            error={problemAt(problems, `${sectionPath}.weight`)}
                            onChange={(value) =>
                              setSection(
                                sectionIndex,
                                'weight',
                                typeof value === 'number' ? value : value === '' ? undefined : Number(value),
                              )
                            }
                          />
                        </Group>
                        <OtherProblems
                          prefix={sectionPath}
                          shown={(field) =>
                            /^sections\[\d+\]\.(key|title|weight)$/.test(field) || /^sections\[\d+\]\.questions\[\d+\]/.test(field)
                          }
                        />
                        {section.questions.map((question, questionIndex) => (
                          <QuestionEditor
                            key={questionIndex}
                            path={`${sectionPath}.questions[${questionIndex}]`}
                            n={before.length + questionIndex + 1}
                            question={question}
                            earlier={[...before, ...section.questions.slice(0, questionIndex)]}
                            onChange={(field, value) => {
                              const next = { ...question, [field]: value } as QuestionBody;
                              if (value === undefined) delete (next as Record<string, unknown>)[field];
                              setQuestions(
                                sectionIndex,
                                section.questions.map((item, i) => (i === questionIndex ? next : item)),
                                `${sectionPath}.questions[${questionIndex}].${field}`,
                              );
                            }}
                            onRemove={() =>
                              setQuestions(
                                sectionIndex,
                                section.questions.filter((_, i) => i !== questionIndex),
                                `${sectionPath}.questions`,
                              )
                            }
                            onMove={(delta) => {
                              const target = questionIndex + delta;
                              if (target < 0 || target >= section.questions.length) return;
                              const questions = [...section.questions];
                              [questions[questionIndex], questions[target]] = [questions[target], questions[questionIndex]];
                              setQuestions(sectionIndex, questions, `${sectionPath}.questions`);
                            }}
                          />
                        ))}
                        <Group>
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() =>
                              setQuestions(sectionIndex, [...section.questions, blankQuestion(counter)], `${sectionPath}.questions`)
                            }
                          >
                            {t('console.editor.addQuestion')}
                          </Button>
                        </Group>
                      </Stack>
                    </Card>
                  );
                })}
                <Group>
                  <Button
                    variant="default"
                    onClick={() => change('sections', { ...body, sections: [...body.sections, blankSection(body.sections.length + 1)] })}
                  >
                    {t('console.editor.addSection')}
                  </Button>
                </Group>
              </Stack>
            </fieldset>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md" style={{ position: 'sticky', top: 72 }}>
              <Card withBorder padding="sm">
                <Title order={2} size="h4" mb="xs">
                  {t('console.editor.preview')}
                </Title>
                <FormPreview body={body} />
              </Card>
              {saved && <VersionsCard questionnaire={saved} body={body} />}
            </Stack>
          </Grid.Col>
        </Grid>
        <Text size="xs" c="dimmed">
          {allQuestions.length} {t('console.q.questions').toLowerCase()}
        </Text>
      </Stack>
    </ProblemsContext.Provider>
  );
}

/** The other versions of this questionnaire, and what changed between one of them and this one. */
function VersionsCard({ questionnaire, body }: { questionnaire: Questionnaire; body: QuestionnaireBody }) {
  const { t } = useTranslation();
  const versions = useQuery({
    queryKey: ['console', 'versions', questionnaire.lineageId],
    queryFn: async () =>
      unwrapDetailed(await api.GET('/questionnaires', { params: { query: { lineageId: questionnaire.lineageId, limit: 100 } } })),
  });
  const others = (versions.data ?? []).filter((version) => version.id !== questionnaire.id);
  const [otherId, setOtherId] = useState<string | null>(null);
  const chosen = otherId ?? others[0]?.id ?? null;
  const other = useQuestionnaire(chosen ?? undefined);
  if (others.length === 0) return null;
  const changes = other.data ? diffVersions(bodyOf(other.data), body) : [];
  return (
    <Card withBorder padding="sm" data-testid="versions">
      <Title order={2} size="h4" mb="xs">
        {t('console.editor.compare')}
      </Title>
      <Select
        size="xs"
        label={t('console.editor.compareWith')}
        data={others.map((version) => ({
          value: version.id,
          label: `v${version.version} · ${t(`console.q.statusNames.${version.status}`)}`,
        }))}
        value={chosen}
        allowDeselect={false}
        onChange={setOtherId}
      />
      {other.data &&
        (changes.length === 0 ? (
          <Text size="sm" c="dimmed" mt="xs">
            {t('console.editor.noChanges')}
          </Text>
        ) : (
          <ScrollBox label={t('console.editor.compare')}>
            <Table mt="xs" fz="xs" data-testid="changes">
              <Table.Tbody>
                {changes.map((item) => (
                  <Table.Tr key={`${item.kind}-${item.what}-${item.key}`} data-change={`${item.kind}:${item.what}:${item.key}`}>
                    <Table.Td>
                      <Badge size="xs" color={item.kind === 'added' ? 'teal.9' : item.kind === 'removed' ? 'red.9' : 'navy'}>
                        {t(`console.editor.${item.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" fw={600}>
                        {item.what === 'title' ? t('console.editor.titleField') : item.key}
                      </Text>
                      {item.fields.map((field) => (
                        <Text size="xs" key={field.field}>
                          {field.field}: {field.before} → {field.after}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollBox>
        ))}
    </Card>
  );
}
