/** The create-call request both mock Graph suites (in process and over HTTP) send, with the token they send it with. */
export const TOKEN = "Bearer test-token";
export const call = {
  "@odata.type": "#microsoft.graph.call",
  callbackUri: "https://bot.example.com/callback",
  targets: [{ identity: { user: { id: "112f7296-5fa4-42ca-bae8-6a692b15d4b8" } } }],
  requestedModalities: ["audio"],
  mediaConfig: { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" },
};
