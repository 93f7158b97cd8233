namespace Craftsman.Load;

public enum RunMode
{
    Both,
    Product,
    Bare,
}
