/** The login form: contract-validated fields, clear messages for wrong password, lock and rate limit. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { loginBody } from '../../../../../src/contracts/auth.js';
import { Button } from '../../../components/button.js';
import { Field, TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { isApiError } from '../../../lib/api.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useLogin } from '../api/login.js';
import { loginErrorText } from './login-errors.js';

export interface LoginFill {
  login: string;
  password: string;
  /** Changes on every "use" click, so the same account can be filled twice. */
  n: number;
}

export function LoginForm({ fill, onLoggedIn }: { fill: LoginFill | null; onLoggedIn: () => void }) {
  const { t, lang } = useI18n();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const keys = useActionKeys();
  const mutation = useLogin();

  useEffect(() => {
    if (!fill) return;
    setLogin(fill.login);
    setPassword(fill.password);
    setErrors({});
    mutation.reset();
    submitRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new fill arrives
  }, [fill]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = loginBody.safeParse({ login, password });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    const idempotencyKey = keys.keyFor(JSON.stringify(parsed.data));
    mutation.mutate(
      { body: parsed.data, idempotencyKey },
      {
        onSuccess: () => {
          keys.done();
          onLoggedIn();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'VALIDATION') setErrors(fieldErrorMap(err.fields));
        },
      },
    );
  };

  const failure = mutation.isError ? loginErrorText(mutation.error, lang) : null;

  return (
    <form ref={formRef} className="form login-form" onSubmit={onSubmit} noValidate>
      <TextField
        label={t('login.login')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={login}
        error={errors.login}
        onChange={(e) => setLogin(e.target.value)}
      />
      <Field label={t('login.password')} required error={errors.password}>
        {(c) => (
          <input
            {...c}
            className="input"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
        <span>{t('login.showPassword')}</span>
      </label>
      {failure ? (
        <div className="alert alert-error" role="alert">
          <p>
            <span aria-hidden="true">⚠ </span>
            {failure.text}
          </p>
          {failure.requestId ? <p className="alert-meta">{t('error.requestId', { id: failure.requestId })}</p> : null}
        </div>
      ) : null}
      <Button ref={submitRef} type="submit" variant="primary" className="btn-block" busy={mutation.isPending}>
        {mutation.isPending ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
