/** A new password typed twice, with the policy hint; shared by the create-user and reset-password forms. */
import type { ReactNode } from 'react';
import { PASSWORD_MIN } from '../../../../../src/contracts/users.js';
import { TextField } from '../../../components/field.js';
import { useI18n } from '../../../i18n/index.js';

interface Props {
  password: string;
  password2: string;
  errors: { password?: string | undefined; password2?: string | undefined };
  onPassword: (v: string) => void;
  onPassword2: (v: string) => void;
}

export function NewPasswordFields({ password, password2, errors, onPassword, onPassword2 }: Props): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t('users.password')}
        hint={t('users.passwordHint', { min: PASSWORD_MIN })}
        required
        type="password"
        autoComplete="new-password"
        value={password}
        error={errors.password}
        onChange={(e) => onPassword(e.target.value)}
      />
      <TextField
        label={t('users.passwordConfirm')}
        required
        type="password"
        autoComplete="new-password"
        value={password2}
        error={errors.password2}
        onChange={(e) => onPassword2(e.target.value)}
      />
    </>
  );
}
