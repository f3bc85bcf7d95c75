using Conversations.Grains.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Conversations.Infrastructure.Hosting;

public static class Telemetry
{
    /// <summary>
    /// OpenTelemetry traces and metrics across ASP.NET Core (added by the frontend), HttpClient, Orleans, Npgsql,
    /// the .NET runtime and our own meters, exported over OTLP when a collector is configured; JSON logs with
    /// trace ids when asked for. <paramref name="configureMetrics"/> adds exporters (the frontend's Prometheus endpoint).
    /// </summary>
    public static IHostApplicationBuilder AddConversationsTelemetry(
        this IHostApplicationBuilder builder, string serviceName, Action<TracerProviderBuilder>? configureTracing = null, Action<MeterProviderBuilder>? configureMetrics = null)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        builder.Services.AddHostedService<OutboxDepthSampler>();
        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
            builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName + "/" + Environment.ProcessId));

        // Spans cost on every grain call and query: they are recorded only when a collector receives them.
        if (options.OtlpEndpoint is { } traceCollector)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddHttpClientInstrumentation().AddSource("Npgsql", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                configureTracing?.Invoke(tracing);
                tracing.AddOtlpExporter(otlp => otlp.Endpoint = traceCollector);
            });
        }

        telemetry.WithMetrics(metrics =>
            {
                metrics.AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(ConversationsMetrics.MeterName, "Microsoft.Orleans", "Npgsql");
                configureMetrics?.Invoke(metrics);
                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            });
        return builder;
    }
}
