import type { Child, FC } from 'hono/jsx';
import type { ValidationIssue } from '../../kernel/errors';
import { formatPounds } from '../../kernel/money';

/** Field errors by form field name, from a DomainError's issues (an issue's path names the field). */
export type FieldErrors = Record<string, string>;

export function fieldErrors(
  issues: readonly ValidationIssue[],
  fieldOf: (path: string) => string = (path) => path,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= issue.message;
  }
  return errors;
}

export const Money: FC<{ pence: bigint | number | null | undefined }> = ({ pence }) =>
  pence === null || pence === undefined ? (
    <span>—</span>
  ) : (
    <span class="ms-money">{formatPounds(BigInt(pence))}</span>
  );

export const ErrorSummary: FC<{ title?: string; errors: { href: string; message: string }[] }> = ({
  title,
  errors,
}) =>
  errors.length === 0 ? null : (
    <div
      class="nhsuk-error-summary"
      data-module="nhsuk-error-summary"
      aria-labelledby="error-summary-title"
      role="alert"
      tabindex={-1}
    >
      <h2 class="nhsuk-error-summary__title" id="error-summary-title">
        {title ?? 'There is a problem'}
      </h2>
      <div class="nhsuk-error-summary__body">
        <ul class="nhsuk-list nhsuk-error-summary__list">
          {errors.map((error) => (
            <li>
              <a href={error.href}>{error.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );

type FieldProps = {
  name: string;
  /** Defaults to the name; give one when the same field appears more than once on a page. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  type?: string;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  inputmode?: 'numeric' | 'decimal' | 'text';
  autocomplete?: string;
};

export const InputField: FC<FieldProps> = ({
  name,
  id: givenId,
  label,
  hint,
  error,
  value,
  type,
  width,
  inputmode,
  autocomplete,
}) => {
  const id = givenId ?? name;
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      {hint ? (
        <div class="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span class="nhsuk-error-message" id={`${id}-error`}>
          <span class="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <input
        class={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ''}${error ? ' nhsuk-input--error' : ''}`}
        id={id}
        name={name}
        type={type ?? 'text'}
        value={value ?? ''}
        inputmode={inputmode}
        autocomplete={autocomplete}
        aria-describedby={
          [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
        }
      />
    </div>
  );
};

export const SelectField: FC<FieldProps & { options: { value: string; label: string }[] }> = ({
  name,
  id: givenId,
  label,
  hint,
  error,
  value,
  options,
}) => {
  const id = givenId ?? name;
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      {hint ? (
        <div class="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span class="nhsuk-error-message" id={`${id}-error`}>
          <span class="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <select
        class={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        name={name}
        aria-describedby={
          [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
        }
      >
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
};

export const TextareaField: FC<FieldProps & { rows?: number }> = ({
  name,
  id: givenId,
  label,
  hint,
  error,
  value,
  rows,
}) => {
  const id = givenId ?? name;
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      {hint ? (
        <div class="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span class="nhsuk-error-message" id={`${id}-error`}>
          <span class="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <textarea
        class={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={id}
        name={name}
        rows={rows ?? 5}
        aria-describedby={
          [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
        }
      >
        {value ?? ''}
      </textarea>
    </div>
  );
};

export const Button: FC<{ children: Child; secondary?: boolean; name?: string; value?: string }> = ({
  children,
  secondary,
  name,
  value,
}) => (
  <button
    class={`nhsuk-button${secondary ? ' nhsuk-button--secondary' : ''}`}
    data-module="nhsuk-button"
    type="submit"
    name={name}
    value={value}
  >
    {children}
  </button>
);

export const SummaryList: FC<{ rows: { key: string; value: Child }[] }> = ({ rows }) => (
  <dl class="nhsuk-summary-list">
    {rows.map((row) => (
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">{row.key}</dt>
        <dd class="nhsuk-summary-list__value">{row.value}</dd>
      </div>
    ))}
  </dl>
);

type Column<T> = { header: string; cell: (row: T) => Child; numeric?: boolean };

/** A responsive NHS.UK table: on a phone each row stacks, each cell labelled with its column. */
export function Table<T>({
  caption,
  columns,
  rows,
  empty,
}: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  empty?: string;
}) {
  if (rows.length === 0) return <p class="nhsuk-body">{empty ?? 'Nothing to show.'}</p>;
  return (
    <table role="table" class="nhsuk-table-responsive">
      <caption class="nhsuk-table__caption">{caption}</caption>
      <thead role="rowgroup" class="nhsuk-table__head">
        <tr role="row">
          {columns.map((column) => (
            <th
              role="columnheader"
              scope="col"
              class={column.numeric ? 'nhsuk-table__header--numeric' : undefined}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {rows.map((row) => (
          <tr role="row" class="nhsuk-table__row">
            {columns.map((column) => (
              <td
                role="cell"
                class={`nhsuk-table__cell${column.numeric ? ' nhsuk-table__cell--numeric' : ''}`}
              >
                <span class="nhsuk-table-responsive__heading" aria-hidden="true">
                  {column.header}{' '}
                </span>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const Tag: FC<{
  colour?: 'green' | 'red' | 'orange' | 'blue' | 'grey' | 'yellow' | 'purple';
  children: Child;
}> = ({ colour, children }) => (
  <strong class={`nhsuk-tag${colour ? ` nhsuk-tag--${colour}` : ''}`}>{children}</strong>
);

export const Notice: FC<{ title: string; children?: Child; success?: boolean }> = ({
  title,
  children,
  success,
}) => {
  const content = (
    <>
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id="notice-title">
          {success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content">
        <p class="nhsuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </>
  );
  return success ? (
    <div
      class="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby="notice-title"
      data-module="nhsuk-notification-banner"
    >
      {content}
    </div>
  ) : (
    <section
      class="nhsuk-notification-banner"
      aria-labelledby="notice-title"
      data-module="nhsuk-notification-banner"
    >
      {content}
    </section>
  );
};

export const BackLink: FC<{ href: string; children: Child }> = ({ href, children }) => (
  <div class="nhsuk-back-link">
    <a class="nhsuk-back-link__link" href={href}>
      {children}
    </a>
  </div>
);

export const Card: FC<{ href: string; title: string; children: Child }> = ({ href, title, children }) => (
  <div class="nhsuk-card nhsuk-card--clickable">
    <div class="nhsuk-card__content">
      <h2 class="nhsuk-card__heading nhsuk-heading-m">
        <a class="nhsuk-card__link" href={href}>
          {title}
        </a>
      </h2>
      <p class="nhsuk-card__description">{children}</p>
    </div>
  </div>
);
