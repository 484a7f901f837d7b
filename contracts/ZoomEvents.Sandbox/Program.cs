// Entry point placeholder until the sandbox lands (issue 6).
var app = WebApplication.CreateBuilder(args).Build();
app.Run();
