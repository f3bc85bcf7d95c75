using Conversations.Infrastructure.Hosting;
using Microsoft.Extensions.Hosting;

// A silo without HTTP: run several against one PostgreSQL, with WebFrontend in client mode in front.
var builder = Host.CreateApplicationBuilder(args);

builder.AddConversationsPlatform();
builder.UseOrleans(silo => silo.UseConversationsCluster(builder.Configuration));

await builder.Build().RunAsync();
