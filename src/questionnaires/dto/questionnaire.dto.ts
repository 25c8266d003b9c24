// The questionnaire body as the API takes it (docs/api.md "Design"). These classes check the JSON shape
// (types, nesting, unknown fields → 400); what the values mean — known types, channels, dimensions,
// consistent points, showIf pointing back… — is checked by checkDefinition (→ 422 listing every problem).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { NestedDto } from '../../common/http/validation';
import {
  CHANNELS,
  DIMENSIONS,
  KNOCKOUT_SCOPES,
  KPI_ROLES,
  LANGUAGES,
  QUESTION_TYPES,
  type AnswerValue,
  type Language,
} from '../domain/definition';
import { PageQuery } from '../../common/http/paging';

/** An answer value a condition can compare with: boolean, number, string (or a list of option keys). */
export function isAnswerValue(value: unknown): value is AnswerValue {
  if (typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function IsAnswerValue(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAnswerValue',
      validator: {
        validate: (value: unknown) => isAnswerValue(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a boolean, a number, a string or a list of option keys`,
      },
    },
    options,
  );
}

const answerValueSchema = {
  oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }],
};

export class ShowIfDto {
  @ApiProperty({ description: 'An earlier question' }) @IsString() questionKey: string;
  @ApiPropertyOptional({ ...answerValueSchema, description: 'Shown when that answer equals this value' })
  @IsOptional()
  @IsAnswerValue()
  equals?: AnswerValue;
  @ApiPropertyOptional({ type: 'array', items: answerValueSchema, description: 'Shown when that answer is one of these' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsAnswerValue({ each: true })
  in?: AnswerValue[];
}

export class ChoiceOptionDto {
  @ApiProperty() @IsString() @MaxLength(100) key: string;
  @ApiProperty() @IsString() @MaxLength(1000) label: string;
  @ApiProperty() @IsNumber() points: number;
}

export class DurationThresholdDto {
  @ApiProperty({ description: 'Seconds; the first threshold the duration fits gives the fraction' })
  @IsNumber()
  upToSeconds: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Share of maxPoints earned' }) @IsNumber() fraction: number;
}

export class QuestionDto {
  @ApiProperty({ example: 'greeting' }) @IsString() @MaxLength(100) key: string;
  @ApiProperty() @IsString() @MaxLength(2000) text: string;
  @ApiProperty({ enum: QUESTION_TYPES }) @IsString() type: string;
  @ApiPropertyOptional({ description: '0 = unscored; default: the most its answers can earn' })
  @IsOptional()
  @IsNumber()
  maxPoints?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() required?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() allowNa?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() critical?: boolean;
  @ApiPropertyOptional({ enum: KNOCKOUT_SCOPES, default: 'section' }) @IsOptional() @IsString() knockoutScope?: string;
  @ApiPropertyOptional({ enum: DIMENSIONS }) @IsOptional() @IsString() dimension?: string;
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, description: 'Where it applies; empty = all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  channels?: string[];
  @ApiPropertyOptional({ type: ShowIfDto }) @IsOptional() @NestedDto(() => ShowIfDto) showIf?: ShowIfDto;
  @ApiPropertyOptional({ enum: KPI_ROLES }) @IsOptional() @IsString() kpi?: string;
  @ApiPropertyOptional({ description: 'Advice shown when it fails' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  recommendation?: string;
  @ApiPropertyOptional({ description: 'Earned points add to the section, possible points do not', default: false })
  @IsOptional()
  @IsBoolean()
  bonus?: boolean;
  @ApiPropertyOptional({ description: 'yes_no: the answer that earns the points', default: true })
  @IsOptional()
  @IsBoolean()
  positive?: boolean;
  @ApiPropertyOptional({ description: 'scale: lowest value' }) @IsOptional() @IsNumber() min?: number;
  @ApiPropertyOptional({ description: 'scale: highest value' }) @IsOptional() @IsNumber() max?: number;
  @ApiPropertyOptional({ type: [ChoiceOptionDto], description: 'single_choice / multi_choice' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @NestedDto(() => ChoiceOptionDto, { each: true })
  options?: ChoiceOptionDto[];
  @ApiPropertyOptional({ type: [DurationThresholdDto], description: 'duration' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @NestedDto(() => DurationThresholdDto, { each: true })
  thresholds?: DurationThresholdDto[];
  @ApiPropertyOptional({ description: 'text: minimum length when answered' }) @IsOptional() @IsNumber() minLength?: number;
}

export class SectionDto {
  @ApiProperty({ example: 'welcome' }) @IsString() @MaxLength(100) key: string;
  @ApiProperty() @IsString() @MaxLength(300) title: string;
  @ApiPropertyOptional({ default: 1, description: '> 0' }) @IsOptional() @IsNumber() weight?: number;
  @ApiProperty({ type: [QuestionDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @NestedDto(() => QuestionDto, { each: true })
  questions: QuestionDto[];
}

export class ThemeDto {
  @ApiProperty({ example: 'waiting' }) @IsString() @MaxLength(100) key: string;
  @ApiProperty({ example: 'Espera' }) @IsString() @MaxLength(200) label: string;
  @ApiProperty({
    type: [String],
    example: ['esperar', 'cola', 'tiempo de espera'],
    description: 'Matched on word stems (any inflection); a term of several words matches them in a row',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  terms: string[];
}

export class QuestionnaireBodyDto {
  @ApiProperty() @IsString() @MaxLength(300) title: string;
  @ApiProperty({ enum: LANGUAGES }) @IsString() language: string;
  @ApiProperty({ type: [SectionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @NestedDto(() => SectionDto, { each: true })
  sections: SectionDto[];
  @ApiPropertyOptional({ type: [ThemeDto], description: 'Themes the comments are tagged with (qualitative analysis)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @NestedDto(() => ThemeDto, { each: true })
  themes?: ThemeDto[];
}

export class ListQuestionnairesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['draft', 'published'] }) @IsOptional() @IsIn(['draft', 'published']) status?: 'draft' | 'published';
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ description: 'Only the versions of one questionnaire' }) @IsOptional() @IsUUID() lineageId?: string;
}

export class CopyTemplateDto {
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) language: Language;
}

export class ListTemplatesQuery {
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
}

export class QuestionnaireSummaryView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Shared by every version of the same questionnaire' }) lineageId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty() sectionCount: number;
  @ApiProperty() questionCount: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
}

export class QuestionnaireView {
  @ApiProperty() id: string;
  @ApiProperty() lineageId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty({ type: [SectionDto], description: 'The normalised definition: every default filled in' })
  sections: unknown[];
  @ApiPropertyOptional({ type: [ThemeDto], description: 'Themes of the qualitative analysis, when the questionnaire has any' })
  themes?: unknown[];
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
}

export class TemplateView {
  @ApiProperty({ example: 'in_store' }) key: string;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty({ enum: CHANNELS, isArray: true }) channels: string[];
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() sectionCount: number;
  @ApiProperty() questionCount: number;
  @ApiProperty({ type: QuestionnaireBodyDto, description: 'The body a copy is created from' }) definition: unknown;
}
