// Frequently used passwords of 12+ characters (from public breach top lists, incl. German ones).
// Shorter ones are refused by the length rule anyway. Compared lower-case.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111",
  "000000000000", "123123123123", "qwertyuiopas", "qwertzuiopü", "qwertyuiop123",
  "qwertzuiop123", "asdfghjkl123", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3",
  "passwort1234", "passwort12345", "password1234", "password12345", "password123456",
  "passwortpasswort", "passwordpassword", "geheimgeheim", "hallo1234567", "hallohallo12",
  "sommer2024!!", "sommer123456", "winter123456", "fussball1234", "schatz123456",
  "iloveyou1234", "ichliebedich", "ichliebedich1", "letmein12345", "welcome12345",
  "willkommen12", "willkommen123", "willkommen1234", "administrator", "administrator1",
  "admin1234567", "adminadmin12", "changeme1234", "trustno11234", "football1234",
  "baseball1234", "superman1234", "starwars1234", "princess1234", "sunshine1234",
  "abc123456789", "abcdefghijkl", "abcd12345678", "a1b2c3d4e5f6", "monkey123456",
  "dragon123456", "master123456", "qwerty123456", "qwertz123456", "lotse1234567",
  "demo-lotse-2026", "magdeburg123", "magdeburg1234", "deutschland1", "deutschland12",
  "deutschland123", "borussia1909", "schalke04schalke", "bayernmuenchen", "eintracht1234",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
