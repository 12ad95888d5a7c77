/**
 * The few words the extractor must recognise in any language the docs are rendered in:
 * section names (example, request, response, notification) and stopwords for language detection.
 * Adding a language is adding a row here.
 */
export const SECTION_WORDS = {
  example: ["Example", "Exemple", "Пример", "Beispiel", "Ejemplo", "Esempio", "Exemplo", "Voorbeeld", "Przykład", "例", "示例"],
  request: ["Request", "Demande", "Requête", "Запрос", "Anforderung", "Anfrage", "Solicitud", "Richiesta", "Solicitação", "Aanvraag", "要求", "请求"],
  response: ["Response", "Réponse", "Отклик", "Ответ", "Antwort", "Respuesta", "Risposta", "Resposta", "Antwoord", "応答", "响应"],
  notification: ["Notification", "Уведомление", "Benachrichtigung", "Notificación", "Notifica", "Notificação", "Melding", "通知"],
  /** The section that shows the operation's request line(s) without a body: the page's syntax, not an example. */
  httpRequest: ["HTTP request", "Requête HTTP", "Demande HTTP", "HTTP-запрос", "HTTP-Anforderung", "HTTP-Anfrage", "Solicitud HTTP", "Richiesta HTTP", "Solicitação HTTP", "HTTP-aanvraag", "Żądanie HTTP", "HTTP 要求", "HTTP 请求", "HTTP リクエスト"],
} as const;

/** Frequent short words per language, matched as whole words in prose lines only (never in code). */
export const STOPWORDS: Record<string, string[]> = {
  en: ["the", "and", "of", "to", "is", "this", "with", "for", "that", "an"],
  fr: ["le", "la", "les", "des", "et", "est", "une", "pour", "dans", "avec", "du"],
  de: ["der", "die", "das", "und", "ist", "mit", "für", "ein", "eine", "nicht"],
  es: ["el", "los", "las", "y", "es", "una", "para", "con", "del", "por"],
  it: ["il", "gli", "e", "è", "una", "per", "con", "della", "non", "che"],
  pt: ["o", "os", "e", "é", "uma", "para", "com", "não", "do", "da"],
  ru: ["и", "в", "не", "на", "с", "что", "это", "для", "по", "как"],
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alternatives(words: readonly string[]): string {
  return words.map(escapeRegExp).join("|");
}

/** "Example 7: Join a scheduled meeting..." in any supported language; the title may be empty. */
export const EXAMPLE_HEADING = new RegExp(`^(?:${alternatives(SECTION_WORDS.example)})\\s*(\\d+)\\s*(?:[:.：\\-–—]\\s*(.*))?$`, "u");
/** "Notification - established", "Notification : le partage...", "Уведомление — перенос". */
export const NOTIFICATION_HEADING = new RegExp(`^(?:${alternatives(SECTION_WORDS.notification)})(?:\\s*[:\\-–—]\\s*.*)?$`, "u");
export const REQUEST_HEADING = new RegExp(`^(?:${alternatives(SECTION_WORDS.request)})$`, "u");
export const RESPONSE_HEADING = new RegExp(`^(?:${alternatives(SECTION_WORDS.response)})$`, "u");
export const HTTP_REQUEST_HEADING = new RegExp(`^(?:${alternatives(SECTION_WORDS.httpRequest)})$`, "iu");
