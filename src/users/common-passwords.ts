// Passwords refused by the policy because they are among the most used (and so the first tried by
// anyone guessing). No list ships with the installed packages, so this one is committed: compiled for
// Incognito from the published most-common-password rankings — SecLists'
// Passwords/Common-Credentials/10-million-password-list-top-1000.txt (Daniel Miessler, MIT) and the
// UK NCSC's "100k most used passwords" (Have I Been Pwned) — keeping the entries and patterns long
// enough to pass the length rule, plus Spanish equivalents (the platform's first market). Compared
// lower-cased, so case variants are refused too.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890', '12345678910', '123456789012', '1234567890123', '0123456789', '9876543210', '987654321012',
  '1111111111', '0000000000', '1212121212', '1122334455', '1029384756', '1357924680', '5555555555', '7777777777',
  '1q2w3e4r5t', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3', 'qazwsxedcrfv', 'q1w2e3r4t5y6', 'qwertyuiop', 'qwertyuiop123',
  'qwerty12345', 'qwerty123456', 'qwertyqwerty', 'asdfghjkl1', 'asdfghjkl123', 'asdfghjklñ', 'zxcvbnm123', 'zxcvbnm1234',
  '1qazxsw23edc', 'abcdefghij', 'abcd1234567', 'abc123456789', 'aaaaaaaaaa', 'abcabcabcabc',
  'password123', 'password1234', 'password12345', 'password2024', 'password2025', 'password2026', 'passwordpassword',
  'password!123', 'p@ssw0rd123', 'p@ssword123', 'passw0rd123', 'mypassword1', 'mypassword123', 'changeme123', 'changemenow',
  'letmein1234', 'letmein12345', 'welcome1234', 'welcome12345', 'welcome2024', 'welcome2025', 'welcome2026',
  'iloveyou123', 'iloveyou1234', 'sunshine123', 'princess123', 'football123', 'baseball123', 'superman123',
  'starwars123', 'trustno1234', 'monkey12345', 'dragon12345', 'shadow12345', 'master12345', 'michael1234',
  'administrator', 'administrador', 'admin1234567', 'admin123456', 'adminadmin123', 'rootroot1234',
  'contraseña', 'contraseña1', 'contraseña123', 'contrasena123', 'contrasena1234', 'micontraseña', 'tequiero123',
  'teamo123456', 'barcelona123', 'realmadrid123', 'madrid12345', 'españa12345', 'espana12345', 'incognito123',
  'summer2024!', 'summer2025!', 'summer2026!', 'spring2026!', 'winter2026!', 'autumn2026!', 'verano2026!', 'invierno2026',
  'mysteryshopper', 'mysteryshopper1', 'shopper12345', 'cliente12345', 'consultant123', 'consultor123',
]);
