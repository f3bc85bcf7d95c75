namespace Conversations.WebFrontend.Hosting;

public enum FrontendMode
{
    /// <summary>This process also runs a silo: the default on one machine.</summary>
    CoHosted,

    /// <summary>This process is an Orleans client of separately run silos.</summary>
    Client,
}
