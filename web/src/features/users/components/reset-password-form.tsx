/** Sets a new password for a user (POST /api/users/:id/reset-password). */
import { useRef, useState, type FormEvent } from 'react';
import { resetPasswordBody, type User } from '../../../../../src/contracts/users.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { useI18n } from '../../../i18n/index.js';
import { NewPasswordFields } from './new-password-fields.js';
import { isApiError } from '../../../lib/api.js';
import { fieldErrorMap } from '../../../lib/errors.js';
import { focusFirstInvalid, issuesToFieldErrors, type FieldErrors } from '../../../lib/form.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { useResetPassword } from '../api/reset-password.js';

export function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useActionKeys();
  const mutation = useResetPassword(user.id);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = resetPasswordBody.safeParse({ password });
    const errs = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
    if (password && password2 !== password) errs.password2 = t('users.passwordMismatch');
    if (!parsed.success || errs.password2) {
      setErrors(errs);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    mutation.mutate(
      { body: parsed.data, idempotencyKey: keys.keyFor(`${user.id}:${JSON.stringify(parsed.data)}`) },
      {
        onSuccess: () => {
          keys.done();
          onDone();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'VALIDATION') setErrors(fieldErrorMap(err.fields));
        },
      },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <NewPasswordFields password={password} password2={password2} errors={errors} onPassword={setPassword} onPassword2={setPassword2} />
      {mutation.isError ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('users.resetPassword')}
        </Button>
      </div>
    </form>
  );
}
