/** The browsable API reference: Swagger UI served from the installed package, reading /openapi.json. */
export function docsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Mainstay API reference</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/assets/swagger-ui/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="/assets/swagger-ui/swagger-ui-bundle.js"></script>
  <script>
    window.addEventListener('load', function () {
      window.SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true });
    });
  </script>
</body>
</html>`;
}
