/**
 * English strings of the password input (`editor.passwordShow`, `passwordHide`, `strength`): the
 * editor shows it, and so does the panel's account password form, which registers them (`addEnglish`).
 */
export const passwordInput = {
  passwordShow: 'Show password',
  passwordHide: 'Hide password',
  strength: { weak: 'Strength: weak', fair: 'Strength: fair', strong: 'Strength: strong' },
};
