namespace Craftsman.Failover;

public enum DrillKind
{
    /// <summary>(a) kill -9 one silo while judges mark.</summary>
    Silo,

    /// <summary>(b) kill one gateway while viewers watch and judges mark.</summary>
    Gateway,

    /// <summary>(c) restart PostgreSQL mid-round.</summary>
    Database,
}
