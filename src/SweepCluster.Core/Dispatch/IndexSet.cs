namespace SweepCluster.Core.Dispatch;

/// <summary>A growable bitmap of trial indices: one bit per trial, what resume needs of finished trials.</summary>
public sealed class IndexSet
{
    private readonly List<ulong> words = [];

    public long Count { get; private set; }

    public bool Contains(long index)
    {
        var word = (int)(index >> 6);
        return word < words.Count && (words[word] & Bit(index)) != 0;
    }

    public bool Add(long index)
    {
        var word = (int)(index >> 6);
        while (words.Count <= word)
        {
            words.Add(0);
        }
        if ((words[word] & Bit(index)) != 0)
        {
            return false;
        }
        words[word] |= Bit(index);
        Count++;
        return true;
    }

    public bool Remove(long index)
    {
        if (!Contains(index))
        {
            return false;
        }
        words[(int)(index >> 6)] &= ~Bit(index);
        Count--;
        return true;
    }

    private static ulong Bit(long index) => 1UL << (int)(index & 63);
}
