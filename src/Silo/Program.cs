using Conversations.Infrastructure.Hosting;
using Microsoft.Extensions.Hosting;

// A silo without HTTP: run several against one PostgreSQL, with WebFrontend in client mode in front.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,

    // appsettings.json sits beside the binary, wherever the silo is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.AddConversationsPlatform();
builder.AddConversationsTelemetry("conversations-silo");
builder.UseOrleans(silo => silo.UseConversationsCluster(builder.Configuration));

await builder.Build().RunAsync();
