import type { ReactNode } from 'react';
import {
  Box,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { FieldDef, Localized, TemplateDefinition } from '@shopdesk/contracts/scenarios';
import { formatKrw } from '../../common/formatting';
import { factKey, langOf, pick } from '../scenario-format';
import { describeRule, describeTrigger } from './describe-template';

// Read-only, structured views of a template definition: what a lead reviews before saving and
// what anyone can read afterwards. Each takes the definition, so they also show drafts and old versions.

type Def = TemplateDefinition;

/** The text in the UI language, with the other language underneath. */
const Bilingual = ({ text }: { text: Localized | undefined }) => {
  const [locale] = useLocaleState();
  if (!text) return null;
  const lang = langOf(locale);
  const other = lang === 'ko' ? 'en' : 'ko';
  return (
    <>
      <Typography variant="body2" component="div">
        {text[lang]}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {text[other]}
      </Typography>
    </>
  );
};

const Mono = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.85em' }}>
    {children}
  </Box>
);

const None = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" component="span" color="text.disabled">
      {translate('shopdesk.template.message.none')}
    </Typography>
  );
};

const Heads = ({ labels }: { labels: string[] }) => {
  const translate = useTranslate();
  return (
    <TableHead>
      <TableRow>
        {labels.map((label) => (
          <TableCell key={label}>{translate(`shopdesk.template.field.${label}`)}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
};

const Term = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(`shopdesk.template.field.${label}`)}
      </Typography>
      <Box>{children}</Box>
    </Box>
  );
};

const ChipList = ({ values }: { values: string[] | undefined }) =>
  values?.length ? (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {values.map((v) => (
        <Chip key={v} size="small" variant="outlined" label={v} />
      ))}
    </Stack>
  ) : (
    <None />
  );

export const OverviewView = ({ definition }: { definition: Def }) => {
  const translate = useTranslate();
  const { defaults, suggest } = definition;
  return (
    <Box data-testid="template-overview">
      <Term label="summary">
        <Bilingual text={definition.summary} />
      </Term>
      <Term label="customer_title">
        <Bilingual text={definition.customerTitle} />
      </Term>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
        {translate('shopdesk.template.section.defaults')}
      </Typography>
      <Term label="priority">{translate(`shopdesk.ticket.priority.${defaults.priority}`)}</Term>
      {defaults.highValueThreshold !== undefined && defaults.highValuePriority ? (
        <Term label="high_value">
          {translate('shopdesk.template.message.high_value', {
            amount: formatKrw(defaults.highValueThreshold),
            priority: translate(`shopdesk.ticket.priority.${defaults.highValuePriority}`),
          })}
        </Term>
      ) : null}
      <Term label="sla_policy">
        <Mono>{defaults.slaPolicy}</Mono>
      </Term>
      <Term label="tags">
        <ChipList values={defaults.tags} />
      </Term>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
        {translate('shopdesk.template.section.suggest')}
      </Typography>
      <Term label="suggest_payment">
        <ChipList values={suggest.paymentMethods?.map((m) => translate(`shopdesk.ticket.payment_method.${m}`))} />
      </Term>
      <Term label="suggest_min_amount">
        {suggest.minOrderAmount !== undefined ? formatKrw(suggest.minOrderAmount) : <None />}
      </Term>
      <Term label="suggest_tags">
        <ChipList values={suggest.tagsAny} />
      </Term>
      <Term label="suggest_keywords">
        <ChipList values={suggest.keywords} />
      </Term>
    </Box>
  );
};

/** Options, limits and patterns of a field, in short. */
const FieldRules = ({ field }: { field: FieldDef }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const v = field.validation;
  const rules = [
    v?.min !== undefined ? translate('shopdesk.template.message.min', { n: v.min }) : null,
    v?.max !== undefined ? translate('shopdesk.template.message.max', { n: v.max }) : null,
    v?.maxLength !== undefined ? translate('shopdesk.template.message.max_length', { n: v.maxLength }) : null,
  ].filter(Boolean);
  return (
    <>
      {field.options ? (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {field.options.map((o) => (
            <li key={o.value}>
              {pick(o.label, locale)} <Mono>({o.value})</Mono>
            </li>
          ))}
        </Box>
      ) : null}
      {rules.length ? <Typography variant="body2">{rules.join(' · ')}</Typography> : null}
      {v?.pattern ? (
        <Typography variant="body2">
          {translate('shopdesk.template.message.pattern')} <Mono>{v.pattern}</Mono>
        </Typography>
      ) : null}
    </>
  );
};

export const FieldsView = ({ definition }: { definition: Def }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <TableContainer data-testid="template-fields">
      <Table size="small">
        <Heads labels={['id', 'label', 'field_type', 'required', 'fillable_by', 'prefill_from', 'rules', 'help']} />
        <TableBody>
          {definition.fields.map((f) => (
            <TableRow key={f.id}>
              <TableCell>
                <Mono>{f.id}</Mono>
              </TableCell>
              <TableCell>
                <Bilingual text={f.label} />
              </TableCell>
              <TableCell>{translate(`shopdesk.scenario.field_type.${f.type}`, { _: f.type })}</TableCell>
              <TableCell>
                {f.required ? <Chip size="small" color="error" variant="outlined" label={translate('shopdesk.scenario.message.required')} /> : '–'}
              </TableCell>
              <TableCell>{f.fillableBy.map((who) => translate(`shopdesk.scenario.fillable.${who}`)).join(', ')}</TableCell>
              <TableCell>{f.prefillFrom ? translate(factKey(f.prefillFrom), { _: f.prefillFrom }) : '–'}</TableCell>
              <TableCell>
                <FieldRules field={f} />
              </TableCell>
              <TableCell sx={{ maxWidth: 320 }}>
                <Typography variant="body2" color="text.secondary">
                  {f.help ? pick(f.help, locale) : ''}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const fieldLabels = (definition: Def, ids: string[] | undefined, locale: string) =>
  (ids ?? []).map((id) => {
    const f = definition.fields.find((x) => x.id === id);
    return f ? pick(f.label, locale) : id;
  });

export const ChecklistView = ({ definition }: { definition: Def }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box component="ol" sx={{ m: 0, pl: 3 }} data-testid="template-checklist">
      {definition.checklist.map((step) => (
        <Box component="li" key={step.id} sx={{ mb: 1.5 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2">{pick(step.label, locale)}</Typography>
            <Mono>{step.id}</Mono>
            {step.blocking ? (
              <Chip size="small" color="error" label={translate('shopdesk.scenario.message.blocking')} />
            ) : null}
          </Stack>
          {step.help ? (
            <Typography variant="caption" color="text.secondary" component="div">
              {pick(step.help, locale)}
            </Typography>
          ) : null}
          {step.requires?.length ? (
            <Typography variant="caption" component="div">
              {translate('shopdesk.scenario.message.requires', {
                fields: fieldLabels(definition, step.requires, locale).join(', '),
              })}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
};

export const DeadlinesView = ({ definition }: { definition: Def }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!definition.deadlines.length) return <None />;
  return (
    <TableContainer data-testid="template-deadlines">
      <Table size="small">
        <Heads labels={['label', 'rule', 'warn_before', 'help']} />
        <TableBody>
          {definition.deadlines.map((d) => (
            <TableRow key={d.id}>
              <TableCell>
                <Bilingual text={d.label} />
                <Mono>{d.id}</Mono>
              </TableCell>
              <TableCell data-testid={`template-deadline-rule-${d.id}`}>
                {describeRule(d.rule, definition, translate, locale)}
              </TableCell>
              <TableCell>{translate('shopdesk.template.message.warn_before', { n: d.warnBeforeHours })}</TableCell>
              <TableCell sx={{ maxWidth: 360 }}>
                <Typography variant="body2" color="text.secondary">
                  {d.help ? pick(d.help, locale) : ''}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

export const ResolutionsView = ({ definition }: { definition: Def }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = (code: string | undefined) => {
    const r = definition.resolutions.find((x) => x.code === code);
    return r ? pick(r.label, locale) : code;
  };
  return (
    <Stack spacing={1.5} data-testid="template-resolutions">
      {definition.resolutions.map((r) => {
        const deadline = definition.deadlines.find((d) => d.id === r.notAfterDeadline);
        const reply = definition.replies.find((x) => x.id === r.reply);
        return (
          <Paper key={r.code} variant="outlined" sx={{ p: 1.5 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 0.5 }}>
              <Typography variant="subtitle2">{pick(r.label, locale)}</Typography>
              <Mono>{r.code}</Mono>
            </Stack>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {r.requires?.length ? (
                <li>
                  {translate('shopdesk.scenario.message.requires', {
                    fields: fieldLabels(definition, r.requires, locale).join(', '),
                  })}
                </li>
              ) : null}
              {r.requiresAmount ? <li>{translate('shopdesk.template.message.requires_amount')}</li> : null}
              {r.reasonCodes ? (
                <li>
                  {translate('shopdesk.template.message.reason_codes', {
                    reasons: r.reasonCodes.map((c) => pick(c.label, locale)).join(', '),
                  })}
                </li>
              ) : null}
              {r.notAfterDeadline ? (
                <li>
                  {translate('shopdesk.template.message.not_after_deadline', {
                    deadline: deadline ? pick(deadline.label, locale) : r.notAfterDeadline,
                  })}
                  {r.alternative
                    ? ` ${translate('shopdesk.template.message.alternative', { label: label(r.alternative) ?? '' })}`
                    : ''}
                </li>
              ) : null}
              <li>
                {translate('shopdesk.template.message.reply', {
                  reply: reply ? pick(reply.label, locale) : translate('shopdesk.template.message.none'),
                })}
              </li>
              <li>
                {translate('shopdesk.template.message.status_after', {
                  status: translate(`shopdesk.ticket.status.${r.status ?? 'resolved'}`),
                })}
              </li>
            </Box>
          </Paper>
        );
      })}
    </Stack>
  );
};

export const RepliesView = ({ definition }: { definition: Def }) => {
  const [locale] = useLocaleState();
  return (
    <Stack spacing={2} data-testid="template-replies">
      {definition.replies.map((r) => (
        <Box key={r.id}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 0.5 }}>
            <Typography variant="subtitle2">{pick(r.label, locale)}</Typography>
            <Mono>{r.id}</Mono>
          </Stack>
          <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
            {(['ko', 'en'] as const).map((lang) => (
              <Paper key={lang} variant="outlined" sx={{ p: 1.5 }} lang={lang}>
                <Typography variant="overline" color="text.secondary">
                  {lang === 'ko' ? '한국어' : 'English'}
                </Typography>
                <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {r.body[lang]}
                </Typography>
              </Paper>
            ))}
          </Box>
        </Box>
      ))}
    </Stack>
  );
};

export const AutomationsView = ({ definition }: { definition: Def }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!definition.automations.length) return <None />;
  return (
    <TableContainer data-testid="template-automations">
      <Table size="small">
        <Heads labels={['label', 'on', 'action', 'when_missing']} />
        <TableBody>
          {definition.automations.map((a) => (
            <TableRow key={a.id}>
              <TableCell>
                <Bilingual text={a.label} />
                <Mono>{a.id}</Mono>
              </TableCell>
              <TableCell>{describeTrigger(a.on, definition, translate, locale)}</TableCell>
              <TableCell>{translate(`shopdesk.scenario.automation_action.${a.action}`, { _: a.action })}</TableCell>
              <TableCell>
                {a.whenMissing?.length ? fieldLabels(definition, a.whenMissing, locale).join(', ') : '–'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
