import { email, Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';

/**
 * react-admin's login page with the e-mail as the identifier: the inputs are
 * `name="email"` and `name="password"`, matching POST /auth/login { email, password }.
 */
const EmailLoginForm = () => {
  const translate = useTranslate();
  return (
    <LoginForm>
      <TextInput
        autoFocus
        source="email"
        type="email"
        label={translate('shopdesk.login.email')}
        autoComplete="username"
        validate={[required(), email()]}
      />
      <PasswordInput
        source="password"
        label={translate('ra.auth.password')}
        autoComplete="current-password"
        validate={required()}
      />
    </LoginForm>
  );
};

export const LoginPage = () => (
  <Login>
    <EmailLoginForm />
  </Login>
);
