namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>How one route is classified, and the request that probes it.</summary>
/// <param name="Permission">For <see cref="RouteAccess.Permission"/>: the permission the route's policy requires.</param>
/// <param name="Request">The probe, built from A's resources; <c>null</c> when the route is not probed.</param>
/// <param name="ChangesNothing">A POST that writes nothing (a preview), which a viewer may therefore send.</param>
public sealed record RouteCase(
    RouteAccess Access, string? Permission, Func<TenantWorld, RouteRequest>? Request, CrossTenant CrossTenant, bool ChangesNothing = false);
